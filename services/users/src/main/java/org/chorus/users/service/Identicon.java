package org.chorus.users.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A deterministic identicon: a 5×5 grid, mirrored left to right, cells and colour taken from the
 * SHA-256 of the user id. The same id always gives the same picture, so it can be cached forever.
 */
public final class Identicon {

    private static final int CELLS = 5;
    /** Bump when the drawing changes, so that old ETags stop matching. */
    private static final String VERSION = "v1";

    private final boolean[][] filled = new boolean[CELLS][CELLS];
    private final Color colour;
    private final String hash;

    private Identicon(byte[] digest) {
        this.hash = HexFormat.of().formatHex(digest, 0, 8);
        for (int row = 0; row < CELLS; row++) {
            for (int col = 0; col < (CELLS + 1) / 2; col++) {
                boolean on = (digest[row * 3 + col] & 1) == 1;
                filled[row][col] = on;
                filled[row][CELLS - 1 - col] = on;
            }
        }
        float hue = ((digest[20] & 0xff) << 8 | (digest[21] & 0xff)) / 65536f;
        this.colour = Color.getHSBColor(hue, 0.55f, 0.75f);
    }

    public static Identicon of(UUID id) {
        try {
            return new Identicon(
                    MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Strong validator of one representation ({@code svg} or {@code png}). */
    public String etag(String format) {
        return "\"" + hash + "-" + VERSION + "-" + format + "\"";
    }

    public String svg() {
        StringBuilder svg = new StringBuilder(1024);
        String fill = String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(CELLS + 1)
                .append(' ')
                .append(CELLS + 1)
                .append("\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f0f0f0\"/>");
        for (int row = 0; row < CELLS; row++) {
            for (int col = 0; col < CELLS; col++) {
                if (filled[row][col]) {
                    svg.append("<rect x=\"")
                            .append(col + 0.5)
                            .append("\" y=\"")
                            .append(row + 0.5)
                            .append("\" width=\"1\" height=\"1\" fill=\"")
                            .append(fill)
                            .append("\"/>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    public byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xf0, 0xf0, 0xf0));
            g.fillRect(0, 0, size, size);
            g.setColor(colour);
            double cell = size / (CELLS + 1.0);
            for (int row = 0; row < CELLS; row++) {
                for (int col = 0; col < CELLS; col++) {
                    if (filled[row][col]) {
                        int x0 = (int) Math.round((col + 0.5) * cell);
                        int y0 = (int) Math.round((row + 0.5) * cell);
                        int x1 = (int) Math.round((col + 1.5) * cell);
                        int y1 = (int) Math.round((row + 1.5) * cell);
                        g.fillRect(x0, y0, x1 - x0, y1 - y0);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
