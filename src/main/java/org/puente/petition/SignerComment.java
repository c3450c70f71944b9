package org.puente.petition;

import java.time.Instant;

/**
 * What a confirmed signer wrote, as others may see it: the text, where they signed from, when, and whether
 * staff hid it. Never their name or address: signers give no consent to show their name in public.
 */
public record SignerComment(long id, String text, String country, Instant at, boolean hidden) {

    static SignerComment of(Signature signature) {
        return new SignerComment(
                signature.getId(),
                signature.getComment(),
                signature.getCountry(),
                signature.getConfirmedAt(),
                signature.isCommentHidden());
    }
}
