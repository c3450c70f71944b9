package org.puente.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real images for upload tests. */
public final class TestImages {

    private TestImages() {}

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x5c);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG photo as a phone writes it: an EXIF segment (APP1) right after the start, with a GPS position. */
    public static byte[] jpegWithGps(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(80); // big-endian, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0); // IFD0: GPS IFD at 26
        tiff.putShort((short) 2); // GPS IFD: latitude reference and latitude
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(57).putInt(1).putInt(0).putInt(1); // 31° 57' 0"
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The first bytes of a PNG that claims to be {@code width}×{@code height}: enough to be judged by its header. */
    public static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        png.putInt(0)
                .put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0xAE426082);
        return png.array();
    }

    /** Whether {@code content} contains {@code part} anywhere. */
    public static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
