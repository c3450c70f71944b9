package org.puente.platform.web;

import jakarta.servlet.http.Part;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Uploaded images (logos, petition pictures): only PNG and JPEG, recognised by their content rather than
 * by what the browser claims. SVG is refused: it can carry scripts. WebP is refused too: the JDK cannot
 * decode it, and every image is decoded and written anew before it is kept, so that nothing but the
 * pixels is published (a phone's photo carries EXIF metadata, often with the place it was taken). The
 * one piece of EXIF that matters to how the photo looks, its orientation, is applied to the pixels
 * first, so a phone photo does not turn sideways. An image of more than {@value #MAX_PIXELS} pixels is
 * refused from its header, before it is decoded.
 */
public final class Images {

    /** Above this, decoding alone would take hundreds of megabytes (a few kilobytes of PNG can claim it). */
    public static final long MAX_PIXELS = 40_000_000L;

    private static final float JPEG_QUALITY = 0.9f;

    private Images() {}

    /** Why an upload was refused. */
    public enum Refusal {
        TOO_LARGE,
        NOT_AN_IMAGE,
        TOO_MANY_PIXELS
    }

    /** Thrown by {@link #reencode} for an image that must not be kept. */
    public static final class RefusedImageException extends Exception {

        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        RefusedImageException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
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
        return Optional.empty();
    }

    /**
     * The image decoded and written anew in its own format, with no metadata (EXIF, GPS, comments, text
     * chunks): only its pixels. The dimensions are read from the header first, and an image over
     * {@link #MAX_PIXELS} is refused without being decoded.
     *
     * @throws RefusedImageException when it is not a PNG or JPEG the JDK can read, or too many pixels
     */
    public static byte[] reencode(byte[] content) throws RefusedImageException {
        String type = detectType(content).orElseThrow(() -> new RefusedImageException(Refusal.NOT_AN_IMAGE));
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RefusedImageException(Refusal.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new RefusedImageException(Refusal.NOT_AN_IMAGE);
                }
                if (width * height > MAX_PIXELS) {
                    throw new RefusedImageException(Refusal.TOO_MANY_PIXELS);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // truncated, corrupt, or a kind the JDK cannot decode (a CMYK JPEG): refused like any bad file
            throw new RefusedImageException(Refusal.NOT_AN_IMAGE);
        }
        try {
            return "image/png".equals(type) ? png(image) : jpeg(oriented(image, exifOrientation(content)));
        } catch (IOException | RuntimeException e) {
            throw new RefusedImageException(Refusal.NOT_AN_IMAGE);
        }
    }

    /** The EXIF orientation (1 to 8) of a JPEG: how its stored pixels must be turned to be seen upright; 1 without one. */
    static int exifOrientation(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = unsigned16(jpeg, at + 2, false);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return 1; // the image data starts: no more metadata segments
            }
            int end = Math.min(jpeg.length, at + 2 + length);
            if (marker == 0xE1 && at + 18 <= end && startsWith(jpeg, at + 4, 'E', 'x', 'i', 'f', 0, 0)) {
                int tiff = at + 10;
                boolean little = jpeg[tiff] == 'I';
                long high = unsigned16(jpeg, tiff + (little ? 6 : 4), little);
                long low = unsigned16(jpeg, tiff + (little ? 4 : 6), little);
                long ifd = tiff + (high << 16 | low);
                if (ifd < tiff || ifd + 2 > end) {
                    return 1;
                }
                int entries = unsigned16(jpeg, (int) ifd, little);
                for (int i = 0; i < entries; i++) {
                    int entry = (int) ifd + 2 + 12 * i;
                    if (entry + 12 > end) {
                        return 1;
                    }
                    if (unsigned16(jpeg, entry, little) == 0x0112) {
                        int orientation = unsigned16(jpeg, entry + 8, little);
                        return orientation >= 1 && orientation <= 8 ? orientation : 1;
                    }
                }
                return 1;
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int unsigned16(byte[] bytes, int at, boolean littleEndian) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        return littleEndian ? second << 8 | first : first << 8 | second;
    }

    /** The image turned upright as its EXIF orientation says (mirrored and/or rotated by quarter turns). */
    static BufferedImage oriented(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage upright = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (orientation) {
                    case 2 -> upright.setRGB(w - 1 - x, y, rgb);
                    case 3 -> upright.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> upright.setRGB(x, h - 1 - y, rgb);
                    case 5 -> upright.setRGB(y, x, rgb);
                    case 6 -> upright.setRGB(h - 1 - y, x, rgb);
                    case 7 -> upright.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> upright.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return upright;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer for this image");
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = rgb.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, Color.WHITE, null);
            } finally {
                graphics.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Reads an uploaded image from a form field and writes it anew ({@link #reencode}).
     *
     * @param tooManyPixelsKey the message for an image over {@link #MAX_PIXELS}; its argument is the limit
     *                         in megapixels
     * @return the re-encoded bytes; null when no file was chosen, or when it was refused (then with a
     *         message on the field, so the caller should stay on the form)
     */
    public static byte[] readUpload(
            Part part, int maxBytes, String clientId, String tooLargeKey, String invalidKey, String tooManyPixelsKey) {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        Refusal refusal;
        if (part.getSize() > maxBytes) {
            refusal = Refusal.TOO_LARGE;
        } else {
            try (InputStream in = part.getInputStream()) {
                byte[] clean = reencode(in.readAllBytes());
                if (clean.length <= maxBytes) {
                    return clean;
                }
                refusal = Refusal.TOO_LARGE;
            } catch (RefusedImageException e) {
                refusal = e.refusal();
            } catch (IOException e) {
                refusal = Refusal.NOT_AN_IMAGE; // an unreadable upload is refused like any other bad file
            }
        }
        String key = switch (refusal) {
            case TOO_LARGE -> tooLargeKey;
            case NOT_AN_IMAGE -> invalidKey;
            case TOO_MANY_PIXELS -> tooManyPixelsKey;
        };
        Pages.error(clientId, key, MAX_PIXELS / 1_000_000);
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
