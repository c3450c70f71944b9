package org.puente.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A very short cache of whole public pages, inside the portal: what a caching proxy would do with the
 * pages' {@code Cache-Control: public}, for when there is no proxy. A crowd reading the same page is
 * served one rendering per key per {@code maxAge} instead of one per reader.
 *
 * <p>Only for pages that are the same for every anonymous reader of a key (the caller's choice), and only
 * successful responses are kept. A page's CSP nonce is then shared by the readers of that interval, as it
 * would be through any shared cache; such pages must never show content that readers submitted.
 * Entries are bounded: at most {@code maxEntries} keys, the map is cleared when full.
 *
 * <p>When a page is missing or expired, the first reader renders it and the others asking for the same key
 * meanwhile wait for that rendering instead of each making their own (no stampede when a popular page
 * expires). The wait is bounded by {@code maxWait}; a reader whose wait runs out, or whose leader failed or
 * got an answer that is not kept (an error, a redirect), renders the page itself.
 */
public final class MicroCache {

    private record Page(int status, List<String[]> headers, byte[] body, long storedAt) {}

    /** How long a reader waits for another's rendering of the same page before rendering it itself. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    /** Renderings under way, per key: what the readers arriving meanwhile wait for (null: not kept). */
    private final Map<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    /** Moved by {@link #clear()}: a rendering begun before a clear is served but not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final long maxAgeNanos;
    private final int maxEntries;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;

    public MicroCache(Duration maxAge, int maxEntries) {
        this(maxAge, maxEntries, MAX_WAIT, System::nanoTime);
    }

    MicroCache(Duration maxAge, int maxEntries, Duration maxWait, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Renders a page into the response it is given (a filter chain, a forward). */
    @FunctionalInterface
    public interface Renderer {
        void render(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    /** Serves the page from the cache, or renders it (once for its concurrent readers) and keeps it if it succeeded. */
    public void serve(String key, HttpServletRequest request, HttpServletResponse response, Renderer renderer)
            throws IOException, ServletException {
        Page page = fresh(key);
        if (page != null) {
            replay(page, response);
            return;
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> leader = rendering.putIfAbsent(key, mine);
        if (leader != null) {
            Page awaited = await(leader);
            if (awaited != null) {
                replay(awaited, response);
            } else {
                render(key, request, response, renderer);
            }
            return;
        }
        Page rendered = null;
        try {
            // kept by a leader that finished between the look-up above and taking the lead
            page = fresh(key);
            if (page != null) {
                rendered = page;
                replay(page, response);
            } else {
                rendered = render(key, request, response, renderer);
            }
        } finally {
            rendering.remove(key, mine);
            mine.complete(rendered);
        }
    }

    private Page fresh(String key) {
        Page page = pages.get(key);
        return page != null && nanoTime.getAsLong() - page.storedAt() <= maxAgeNanos ? page : null;
    }

    /** The leader's page, or null when it is not kept, failed, or takes longer than {@code maxWait}. */
    private Page await(CompletableFuture<Page> leader) throws IOException {
        try {
            return leader.get(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the page to be rendered");
        }
    }

    /** Renders into the response; returns the page if it was kept, else null. */
    private Page render(String key, HttpServletRequest request, HttpServletResponse response, Renderer renderer)
            throws IOException, ServletException {
        long startedIn = generation.get();
        Capture capture = new Capture(response);
        renderer.render(request, capture);
        byte[] body = capture.body();
        Page kept = null;
        if (capture.status == HttpServletResponse.SC_OK && !capture.committedElsewhere) {
            kept = new Page(capture.status, List.copyOf(capture.headers), body, nanoTime.getAsLong());
            if (generation.get() == startedIn) {
                if (pages.size() >= maxEntries) {
                    pages.clear();
                }
                pages.put(key, kept);
            }
        }
        if (!capture.committedElsewhere) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        return kept;
    }

    /**
     * Serves the last copy kept of a page, however old up to {@code maxStale}, when it cannot be rendered now
     * (the database is down): marked stale ({@code Warning: 110}, its {@code Age}) and not to be kept by
     * anyone else. False when there is no such copy.
     */
    public boolean serveStale(String key, HttpServletResponse response, Duration maxStale) throws IOException {
        Page page = pages.get(key);
        if (page == null) {
            return false;
        }
        long age = nanoTime.getAsLong() - page.storedAt();
        if (age > maxStale.toNanos()) {
            return false;
        }
        response.setStatus(page.status());
        for (String[] header : page.headers()) {
            response.setHeader(header[0], header[1]);
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Age", String.valueOf(TimeUnit.NANOSECONDS.toSeconds(age)));
        response.setHeader("Warning", "110 - \"Response is Stale\"");
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
        return true;
    }

    public void clear() {
        generation.incrementAndGet();
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
        public void setLocale(Locale locale) {
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
                writer = new PrintWriter(new OutputStreamWriter(
                        getOutputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
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
