package org.puente.platform.web;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Uploaded images (logos, petition pictures): only PNG, JPEG and WebP, recognised by their content
 * rather than by what the browser claims. SVG is refused: it can carry scripts.
 */
public final class Images {

    private Images() {
    }

    /** The media type of an accepted image, judged by its first bytes; empty for anything else. */
    public static Optional<String> detectType(byte[] content) {
        if (content == null || content.length < 12) {
            return Optional.empty();
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /**
     * Reads an uploaded image from a form field.
     *
     * @return the bytes; null when no file was chosen, or when it was refused (then with a message on the
     *         field, so the caller should stay on the form)
     */
    public static byte[] readUpload(Part part, int maxBytes, String clientId, String tooLargeKey, String invalidKey) {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        if (part.getSize() > maxBytes) {
            Pages.error(clientId, tooLargeKey);
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (detectType(bytes).isPresent()) {
                return bytes;
            }
        } catch (IOException e) {
            // an unreadable upload is refused like any other bad file
        }
        Pages.error(clientId, invalidKey);
        return null;
    }

    /** Whether the form field holds a file that {@link #readUpload} refused. */
    public static boolean refused(Part part, byte[] read) {
        return read == null && part != null && part.getSize() > 0;
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
