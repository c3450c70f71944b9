package org.puente.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses oversized requests with 413 before anything parses them: forms carry at most
 * {@value #FORM_LIMIT} bytes, uploads (multipart) at most {@value #UPLOAD_LIMIT}, except the supporter
 * import ({@value #IMPORT_PATH}), which takes a CSV of up to 10 MB ({@value #IMPORT_LIMIT} with the form
 * around it). The error page explains it in the person's language.
 */
public class RequestSizeFilter extends HttpFilter {

    static final long FORM_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 3 * 1024 * 1024;
    static final long IMPORT_LIMIT = 11 * 1024 * 1024;
    static final String IMPORT_PATH = "/admin/supporters-import";
    private static final long DRAIN_LIMIT = 16 * 1024 * 1024;
    /** Behind the sign-in (the admin area's constraint runs first), an oversized import is read out further. */
    private static final long IMPORT_DRAIN_LIMIT = 64 * 1024 * 1024;

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

    private static boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(IMPORT_PATH) || path.equals(IMPORT_PATH + ".xhtml");
    }
}
