/**
 * Petitions and their signatures: the portal's busiest public path.
 *
 * <p>A signature is pending until the signer confirms their address by pressing a button on the page the
 * mailed link opens (a GET confirms nothing, so mail scanners cannot sign for anyone); only confirmed
 * signatures count. One person per petition is enforced by a unique canonical address in the database,
 * so simultaneous duplicates fail there instead of counting twice, and every submission, first or
 * repeated, gets the same answer. The public pages are stateless views: reading or signing creates no
 * HTTP session.
 *
 * <p>Once people have signed, a petition's words are theirs too: its authors may only fix a typo (a few
 * characters, kept in the petition's history for staff) or close it. Review decisions are mailed after
 * commit to each person in their own language: submissions to coalition staff, approvals and sendings-back
 * to all the organization's editors.
 *
 * <p>The petition tables are this package's alone. The SQL that JPA cannot express well (rate counts, the
 * source report, retention and erasure) is in {@link org.puente.petition.SignatureStore}, the one place to
 * read when checking their indexes. When a supporter is erased, this package anonymizes the person's
 * signatures itself, in the erasure's transaction, on hearing {@code SupporterForgotten}.
 *
 * <p>What confirmed signers write shows on the petition's page and in its delivery as a
 * {@link org.puente.petition.SignerComment}: the text and the country, never a name or an address (signers
 * give no consent to be named in public); staff hide a comment on the review page. A supporter's page asks
 * here for the petitions they signed ({@link org.puente.petition.SignedPetitions}).
 */
package org.puente.petition;
