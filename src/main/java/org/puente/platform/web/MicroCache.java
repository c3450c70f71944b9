package org.puente.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A very short cache of whole public pages, inside the portal: what a caching proxy would do with the
 * pages' {@code Cache-Control: public}, for when there is no proxy. A crowd reading the same page is
 * served one rendering per key per {@code maxAge} instead of one per reader.
 *
 * <p>Only for pages that are the same for every anonymous reader of a key (the caller's choice), and only
 * successful responses are kept. A page's CSP nonce is then shared by the readers of that interval, as it
 * would be through any shared cache; such pages must never show content that readers submitted.
 * Entries are bounded: at most {@code maxEntries} keys, the map is cleared when full.
 */
public final class MicroCache {

    private record Page(int status, List<String[]> headers, byte[] body, long storedAt) {
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;

    public MicroCache(Duration maxAge, int maxEntries) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
    }

    /** Renders a page into the response it is given (a filter chain, a forward). */
    @FunctionalInterface
    public interface Renderer {
        void render(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    /** Serves the page from the cache, or renders it and keeps it if it succeeded. */
    public void serve(String key, HttpServletRequest request, HttpServletResponse response, Renderer renderer)
            throws IOException, ServletException {
        Page page = pages.get(key);
        if (page != null && System.nanoTime() - page.storedAt() <= maxAgeNanos) {
            replay(page, response);
            return;
        }
        Capture capture = new Capture(response);
        renderer.render(request, capture);
        byte[] body = capture.body();
        if (capture.status == HttpServletResponse.SC_OK && !capture.committedElsewhere) {
            if (pages.size() >= maxEntries) {
                pages.clear();
            }
            pages.put(key, new Page(capture.status, List.copyOf(capture.headers), body, System.nanoTime()));
        }
        if (!capture.committedElsewhere) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    public void clear() {
        pages.clear();
    }

    private static void replay(Page page, HttpServletResponse response) throws IOException {
        response.setStatus(page.status());
        for (String[] header : page.headers()) {
            response.setHeader(header[0], header[1]);
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Keeps the body and the headers the page set; errors and redirects go straight through. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        private final List<String[]> headers = new ArrayList<>();
        private int status = SC_OK;
        private boolean committedElsewhere;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            headers.add(new String[] {name, value});
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            setHeaderOnly("Content-Type", getContentType());
        }

        @Override
        public void setCharacterEncoding(String charset) {
            super.setCharacterEncoding(charset);
            if (getContentType() != null) {
                setHeaderOnly("Content-Type", getContentType());
            }
        }

        @Override
        public void setLocale(java.util.Locale locale) {
            super.setLocale(locale);
            setHeaderOnly("Content-Language", locale.toLanguageTag());
        }

        private void setHeaderOnly(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            status = sc;
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            committedElsewhere = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            committedElsewhere = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            status = SC_FOUND;
            committedElsewhere = true;
            super.sendRedirect(location);
        }

        @Override
        public void setContentLength(int len) {
            // the length is set once the whole body is known
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set once the whole body is known
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("not asynchronous");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
        }

        @Override
        public void reset() {
            super.reset();
            buffer.reset();
            headers.clear();
            status = SC_OK;
        }
    }
}
