package org.puente.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 request written byte for byte, for paths that an HTTP client library would normalize
 * before sending ({@code //evil.example/..//x}, {@code /embed/..%2fadmin}): what an attacker's tool sends.
 */
public final class RawHttp {

    /** The answer: status, headers in order, body as text. */
    public record Response(int status, List<String[]> headers, String body) {

        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }
    }

    private RawHttp() {}

    public static Response get(URL base, String rawPath) {
        return get(base, rawPath, "");
    }

    /** The same with extra header lines, each ending in CRLF (a session cookie, say). */
    public static Response get(URL base, String rawPath, String extraHeaders) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
        int bodyStart = end < 0 ? raw.length : end + 4;
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {
                    lines[i].substring(0, colon).trim(),
                    lines[i].substring(colon + 1).trim()
                });
            }
        }
        boolean chunked = headers.stream()
                .anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                        && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        byte[] body = Arrays.copyOfRange(raw, bodyStart, raw.length);
        return new Response(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = {'\r', '\n'};
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(body.length, start + size);
            out.write(body, start, stop - start);
            at = stop + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
