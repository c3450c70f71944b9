/**
 * Partner tools: the keys staff issue to an allied organization's software so that it may record
 * signatures through the public API at a higher rate than one person's browser. Only a hash of each key
 * is stored, so the key is shown once when issued; a revoked key is refused at once. Signing itself
 * stays with petitions, which ask this package whether a presented key is valid and what limits it has.
 */
package org.puente.partner;
