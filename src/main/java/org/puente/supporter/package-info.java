/**
 * Supporters: the people who said yes to the coalition's action alerts. A row exists only with an
 * explicit, recorded consent (time and source); the language stored here is the one every alert to the
 * person will be written in. Petitions add supporters; the alerts feature will read, suppress and remove them.
 */
package org.puente.supporter;
