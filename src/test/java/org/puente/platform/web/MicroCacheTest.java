package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The micro-cache of whole public pages")
class MicroCacheTest {

    private static final int READERS = 8;
    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
            MicroCacheTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> null);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    @DisplayName("a crowd missing the same page at once causes one rendering, and every reader gets the page")
    void concurrentMissesRenderOnce() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Response response = new Response();
            responses.add(response);
            readers.add(new Thread(() -> serve(cache, "/petitions/x|en", response, (request, out) -> {
                renders.incrementAndGet();
                await(release);
                write(out, "the page");
            })));
        }
        readers.forEach(Thread::start);
        // Every reader is parked: the first in its rendering, the others waiting for it (or, without the
        // protection, each in a rendering of its own).
        waitUntil(() -> readers.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertEquals(1, renders.get(), "one rendering for " + READERS + " concurrent readers");
        for (Response response : responses) {
            assertEquals("the page", response.body());
            assertEquals(200, response.status);
            assertEquals("text/html;charset=UTF-8", response.headers.get("Content-Type"));
        }
    }

    @Test
    @DisplayName(
            "when a kept page expires under a crowd, one reader renders it again and the others get that rendering")
    void expiryUnderACrowdRendersOnce() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(10), now::get);
        assertEquals(
                "old page",
                serve(cache, "/petitions/x|en", (request, out) -> write(out, "old page"))
                        .body());
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            Response response = new Response();
            responses.add(response);
            readers.add(new Thread(() -> serve(cache, "/petitions/x|en", response, (request, out) -> {
                renders.incrementAndGet();
                await(release);
                write(out, "new page");
            })));
        }
        readers.forEach(Thread::start);
        waitUntil(() -> readers.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertEquals(1, renders.get(), "one rendering of the expired page for " + READERS + " readers");
        for (Response response : responses) {
            assertEquals("new page", response.body(), "nobody is served the expired page");
        }
        assertEquals(
                "new page",
                serve(cache, "/petitions/x|en", (request, out) -> write(out, "again"))
                        .body(),
                "and it is kept for the next interval");
    }

    @Test
    @DisplayName("a rendering begun before the cache is cleared reaches its readers but is not kept")
    void renderingAcrossAClearIsNotKept() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(10), now::get);
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Response first = new Response();
        Thread reader = new Thread(() -> serve(cache, "k", first, (request, out) -> {
            rendering.countDown();
            await(release);
            write(out, "before the change");
        }));
        reader.start();
        assertTrue(rendering.await(10, TimeUnit.SECONDS));
        cache.clear(); // the petition changed while its page was being rendered
        release.countDown();
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertEquals("before the change", first.body());
        assertEquals(
                "after the change",
                serve(cache, "k", (request, out) -> write(out, "after the change"))
                        .body());
    }

    @Test
    @DisplayName("when the first reader's rendering fails, the readers waiting for it render the page themselves")
    void leaderFailureFallsBackToRendering() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Response> responses = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < READERS; i++) {
            Response response = new Response();
            responses.add(response);
            readers.add(new Thread(() -> {
                try {
                    cache.serve("k", REQUEST, response.proxy(), (request, out) -> {
                        if (renders.incrementAndGet() == 1) {
                            await(release);
                            throw new IOException("database gone");
                        }
                        write(out, "rendered again");
                    });
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        readers.forEach(Thread::start);
        waitUntil(() -> readers.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertEquals(1, failures.size(), "only the reader whose rendering failed sees the failure: " + failures);
        assertTrue(renders.get() >= 2, "the waiting readers rendered after the failure");
        assertEquals(
                READERS - 1,
                responses.stream()
                        .filter(r -> r.body().equals("rendered again"))
                        .count());
    }

    @Test
    @DisplayName("a reader waits no longer than the bound for another's rendering, then renders the page itself")
    void boundedWait() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofMillis(50), now::get);
        CountDownLatch slowRenderingStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Response first = new Response();
        Thread slow = new Thread(() -> serve(cache, "k", first, (request, out) -> {
            slowRenderingStarted.countDown();
            await(release);
            write(out, "slow");
        }));
        slow.start();
        assertTrue(slowRenderingStarted.await(10, TimeUnit.SECONDS));

        Response second = new Response();
        serve(cache, "k", second, (request, out) -> write(out, "own rendering"));
        assertEquals("own rendering", second.body(), "served while the first rendering still hangs");

        release.countDown();
        slow.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals("slow", first.body());
    }

    @Test
    @DisplayName("a page is rendered once per interval, per key, and again once it is older than the interval")
    void keepsPagesForTheirInterval() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(1), now::get);
        AtomicInteger renders = new AtomicInteger();
        MicroCache.Renderer renderer = (request, out) -> {
            out.setContentType("text/html;charset=UTF-8");
            write(out, "render " + renders.incrementAndGet());
        };
        assertEquals("render 1", serve(cache, "a", renderer).body());
        now.addAndGet(Duration.ofMillis(1999).toNanos());
        Response replayed = serve(cache, "a", renderer);
        assertEquals("render 1", replayed.body());
        assertEquals("text/html;charset=UTF-8", replayed.headers.get("Content-Type"), "headers replayed");
        assertEquals("render 2", serve(cache, "b", renderer).body(), "another key is another page");
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertEquals("render 3", serve(cache, "a", renderer).body(), "expired");
        cache.clear();
        assertEquals("render 4", serve(cache, "a", renderer).body(), "cleared");
    }

    @Test
    @DisplayName("errors and redirects go straight through and are never kept")
    void errorsAreNotKept() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(1), now::get);
        AtomicInteger renders = new AtomicInteger();
        MicroCache.Renderer failing = (request, out) -> {
            renders.incrementAndGet();
            out.sendError(404);
        };
        assertEquals(404, serve(cache, "gone", failing).status);
        assertEquals(404, serve(cache, "gone", failing).status);
        assertEquals(2, renders.get());
        MicroCache.Renderer redirecting = (request, out) -> {
            renders.incrementAndGet();
            out.sendRedirect("/elsewhere");
        };
        serve(cache, "moved", redirecting);
        serve(cache, "moved", redirecting);
        assertEquals(4, renders.get());
    }

    @Test
    @DisplayName("a failed rendering reaches its reader and is not kept")
    void failureReachesTheReader() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(1), now::get);
        assertThrows(
                IOException.class,
                () -> cache.serve("k", REQUEST, new Response().proxy(), (request, out) -> {
                    throw new IOException("broken");
                }));
        assertEquals(
                "fine", serve(cache, "k", (request, out) -> write(out, "fine")).body());
    }

    @Test
    @DisplayName("the number of kept pages is bounded")
    void bounded() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), now::get);
        AtomicInteger renders = new AtomicInteger();
        MicroCache.Renderer renderer = (request, out) -> write(out, "render " + renders.incrementAndGet());
        serve(cache, "a", renderer);
        serve(cache, "b", renderer);
        serve(cache, "c", renderer); // full: the map starts over
        assertEquals("render 4", serve(cache, "a", renderer).body());
        assertEquals("render 3", serve(cache, "c", renderer).body());
    }

    @Test
    @DisplayName("while the database is down, the last copy of a page is served however old (within the limit), "
            + "marked stale and not to be kept; a page never kept, or kept too long ago, is not")
    void staleCopiesWhileTheDatabaseIsDown() throws Exception {
        MicroCache cache = new MicroCache(Duration.ofSeconds(2), 100, Duration.ofSeconds(10), now::get);
        serve(cache, "/petitions/x|es", (request, out) -> write(out, "la página"));
        now.addAndGet(Duration.ofMinutes(10).toNanos());

        Response stale = new Response();
        assertTrue(cache.serveStale("/petitions/x|es", stale.proxy(), Duration.ofHours(1)));
        assertEquals("la página", stale.body());
        assertEquals(200, stale.status);
        assertEquals("text/html;charset=UTF-8", stale.headers.get("Content-Type"));
        assertEquals("110 - \"Response is Stale\"", stale.headers.get("Warning"));
        assertEquals("600", stale.headers.get("Age"));
        assertEquals("no-cache", stale.headers.get("Cache-Control"));

        assertTrue(!cache.serveStale("/petitions/y|es", new Response().proxy(), Duration.ofHours(1)), "never kept");
        assertTrue(
                !cache.serveStale("/petitions/x|es", new Response().proxy(), Duration.ofMinutes(5)),
                "kept longer ago than the limit");
        cache.clear();
        assertTrue(
                !cache.serveStale("/petitions/x|es", new Response().proxy(), Duration.ofHours(1)),
                "a staff change forgets it");
    }

    // ---------------------------------------------------------------------------------------------

    private static Response serve(MicroCache cache, String key, MicroCache.Renderer renderer) throws Exception {
        Response response = new Response();
        cache.serve(key, REQUEST, response.proxy(), renderer);
        return response;
    }

    private static void serve(MicroCache cache, String key, Response response, MicroCache.Renderer renderer) {
        try {
            cache.serve(key, REQUEST, response.proxy(), renderer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpServletResponse out, String body) throws IOException {
        out.setContentType("text/html;charset=UTF-8");
        out.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Just enough of a servlet response: status, headers and body. */
    private static final class Response {
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        volatile int status = 200;
        private String contentType;

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(
                    MicroCacheTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getOutputStream":
                                return stream;
                            case "setStatus":
                            case "sendError":
                                status = (Integer) args[0];
                                return null;
                            case "sendRedirect":
                                status = 302;
                                headers.put("Location", (String) args[0]);
                                return null;
                            case "setHeader":
                            case "addHeader":
                                headers.put((String) args[0], (String) args[1]);
                                return null;
                            case "setContentType":
                                contentType = (String) args[0];
                                headers.put("Content-Type", contentType);
                                return null;
                            case "getContentType":
                                return contentType;
                            case "getCharacterEncoding":
                                return "UTF-8";
                            case "isCommitted":
                                return false;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            case "toString":
                                return "test response";
                            default:
                                if (method.getReturnType() == boolean.class) {
                                    return false;
                                }
                                if (method.getReturnType() == int.class) {
                                    return 0;
                                }
                                return null;
                        }
                    });
        }
    }
}
