package org.puente.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.Images;
import org.puente.testing.TestImages;

class ImagesTest {

    /** A 32×16 JPEG, white with a red top-left corner, carrying only an EXIF orientation (little-endian TIFF). */
    static byte[] photo(int orientation) throws Exception {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, x < 8 && y < 8 ? Color.RED.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.capacity();
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.write(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static boolean red(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80;
    }

    @Test
    @DisplayName("a phone photo taken sideways (EXIF orientation 6) is stored upright, without its EXIF")
    void orientationIsApplied() throws Exception {
        byte[] clean = Images.reencode(photo(6));
        assertFalse(TestImages.contains(clean, "Exif".getBytes(StandardCharsets.US_ASCII)));
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(clean));
        assertEquals(16, upright.getWidth());
        assertEquals(32, upright.getHeight());
        assertTrue(red(upright, 12, 3), "the red corner turned to the top right");
        assertFalse(red(upright, 3, 3));

        BufferedImage asIs = ImageIO.read(new ByteArrayInputStream(Images.reencode(photo(1))));
        assertEquals(32, asIs.getWidth());
        assertTrue(red(asIs, 3, 3));
        BufferedImage turned = ImageIO.read(new ByteArrayInputStream(Images.reencode(photo(3))));
        assertTrue(red(turned, 28, 12), "upside down, turned back");
    }

    @Test
    @DisplayName(
            "an image claiming 10,000 × 10,000 pixels is refused from its header; WebP and SVG are not images here")
    void refusals() {
        assertEquals(
                Images.Refusal.TOO_MANY_PIXELS,
                assertThrows(
                                Images.RefusedImageException.class,
                                () -> Images.reencode(TestImages.pngHeader(10_000, 10_000)))
                        .refusal());
        assertEquals(
                Images.Refusal.NOT_AN_IMAGE,
                assertThrows(
                                Images.RefusedImageException.class,
                                () -> Images.reencode(new byte[] {
                                    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '
                                }))
                        .refusal());
        assertEquals(
                Images.Refusal.NOT_AN_IMAGE,
                assertThrows(
                                Images.RefusedImageException.class,
                                () -> Images.reencode("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                        .refusal());
    }
}
