/**
 * Petitions and their signatures: the portal's busiest public path.
 *
 * <p>A signature is pending until the signer confirms their address by pressing a button on the page the
 * mailed link opens (a GET confirms nothing, so mail scanners cannot sign for anyone); only confirmed
 * signatures count. One person per petition is enforced by a unique canonical address in the database,
 * so simultaneous duplicates fail there instead of counting twice, and every submission, first or
 * repeated, gets the same answer. The public pages are stateless views: reading or signing creates no
 * HTTP session.
 */
package org.puente.petition;
