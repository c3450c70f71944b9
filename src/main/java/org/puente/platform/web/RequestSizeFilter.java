package org.puente.platform.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses oversized requests with 413 before anything parses them: forms carry at most
 * {@value #FORM_LIMIT} bytes, uploads (multipart) at most {@value #UPLOAD_LIMIT}, except the paths a
 * feature declares as large uploads ({@link FeaturePages#largeUploads()}: the supporter import's CSV of up
 * to 10 MB), which take {@value #IMPORT_LIMIT} with the form around it. The error page explains it in the
 * person's language.
 *
 * <p>A body sent without a length (chunked) is counted as it arrives: up to the limit it is read and handed
 * on ({@link BufferedBody}), one byte more and it is refused (after reading out up to 16 MB of it,
 * so the client sees the answer). The container parses an upload (multipart)
 * from its own stream, where no filter can count, so a chunked upload is answered 411 (Length Required);
 * browsers always send an upload's length.
 */
public class RequestSizeFilter extends HttpFilter {

    static final long FORM_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 3 * 1024 * 1024;
    static final long IMPORT_LIMIT = 11 * 1024 * 1024;
    private static final long DRAIN_LIMIT = 16 * 1024 * 1024;
    /** Behind the sign-in (the admin area's constraint runs first), an oversized import is read out further. */
    private static final long IMPORT_DRAIN_LIMIT = 64 * 1024 * 1024;

    @Inject
    transient Instance<FeaturePages> features;

    private transient volatile Set<String> largeUploads;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long length = request.getContentLengthLong();
        if (length < 0 && isChunked(request)) {
            if (multipart) {
                response.setHeader("Connection", "close");
                response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) FORM_LIMIT + 1);
            if (body.length > FORM_LIMIT) {
                if (!drained(request.getInputStream(), DRAIN_LIMIT)) {
                    response.setHeader("Connection", "close");
                }
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        boolean largeUpload = multipart && isImport(request);
        long limit = !multipart ? FORM_LIMIT : largeUpload ? IMPORT_LIMIT : UPLOAD_LIMIT;
        if (length > limit) {
            if (length <= (largeUpload ? IMPORT_DRAIN_LIMIT : DRAIN_LIMIT)) {
                // Read what the client is still sending, so it sees the answer instead of a reset connection.
                try {
                    request.getInputStream().skipNBytes(length);
                } catch (IOException e) {
                    response.setHeader("Connection", "close");
                }
            } else {
                response.setHeader("Connection", "close");
            }
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reads out what the client is still sending, up to {@code max} bytes: true when it all arrived. */
    private static boolean drained(InputStream in, long max) {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > max) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null
                && encoding.toLowerCase(Locale.ROOT).contains("chunked")
                && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod());
    }

    private boolean isImport(HttpServletRequest request) {
        Set<String> paths = largeUploads;
        if (paths == null) {
            Set<String> all = new HashSet<>();
            features.forEach(pages -> pages.largeUploads().forEach(path -> {
                all.add(path);
                all.add(path + ".xhtml");
            }));
            paths = Set.copyOf(all);
            largeUploads = paths;
        }
        return paths.contains(RequestPath.of(request));
    }
}
