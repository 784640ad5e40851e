package org.chorus.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of a received MIME message whatever its transfer encoding (quoted-printable or base64). */
public final class Mails {

    private static final Pattern BASE64_BLOCK = Pattern.compile("(?m)^(?:[A-Za-z0-9+/=]{16,}\\r?\\n)+");

    private Mails() {}

    /** The raw message with quoted-printable soft breaks and escapes undone, plus every base64 block decoded. */
    public static String text(String mime) {
        StringBuilder text = new StringBuilder(quotedPrintable(mime));
        Matcher blocks = BASE64_BLOCK.matcher(mime);
        while (blocks.find()) {
            try {
                text.append('\n')
                        .append(new String(Base64.getMimeDecoder().decode(blocks.group()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not base64 after all
            }
        }
        return text.toString();
    }

    private static String quotedPrintable(String mime) {
        String unfolded = mime.replaceAll("=\\r?\\n", "");
        Matcher escapes = Pattern.compile("=([0-9A-F]{2})").matcher(unfolded);
        StringBuilder out = new StringBuilder();
        while (escapes.find()) {
            int value = Integer.parseInt(escapes.group(1), 16);
            escapes.appendReplacement(
                    out, Matcher.quoteReplacement(value < 0x80 ? String.valueOf((char) value) : escapes.group()));
        }
        escapes.appendTail(out);
        return out.toString();
    }
}
