package org.puente.platform.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses oversized requests with 413 before anything parses them: forms carry at most
 * {@value #FORM_LIMIT} bytes, uploads (multipart) at most {@value #UPLOAD_LIMIT}, except the paths a
 * feature declares as large uploads ({@link FeaturePages#largeUploads()}: the supporter import's CSV of up
 * to 10 MB), which take {@value #IMPORT_LIMIT} with the form around it. The error page explains it in the
 * person's language.
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
        long limit = type == null || !type.toLowerCase().startsWith("multipart/") ? FORM_LIMIT
                : isImport(request) ? IMPORT_LIMIT : UPLOAD_LIMIT;
        long length = request.getContentLengthLong();
        if (length > limit || (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))
                && !"GET".equals(request.getMethod()))) {
            if (length > 0 && length <= (isImport(request) ? IMPORT_DRAIN_LIMIT : DRAIN_LIMIT)) {
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
