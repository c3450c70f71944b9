package org.puente.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mail that should not hold up the request that causes it (a signature's confirmation link): it goes
 * out once the transaction that made it commits, and never if it rolls back, through a few workers
 * sharing pooled SMTP connections. A refused or failed send is tried again a few times with growing
 * pauses.
 *
 * <p>The queue is in memory: mail waiting in it when the process dies is lost. For a confirmation link
 * that bound is acceptable: the signer who gets no mail signs again and is sent a fresh link (and the
 * signature is kept). Mail that must not be lost does not use this queue.
 */
@ApplicationScoped
public class MailQueue {

    static final int WORKERS = 4;
    private static final int CAPACITY = 50_000;
    private static final int ATTEMPTS = 4;
    private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());

    /** A message waiting for its transaction to commit. */
    public record Queued(OutgoingMail mail) {
    }

    @Inject
    MailSender sender;

    @Inject
    Event<Queued> queued;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor workers;
    /** Messages committed and not yet sent, given up or dropped (waiting, being sent, or between retries). */
    private final AtomicInteger pending = new AtomicInteger();

    @PostConstruct
    void start() {
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(CAPACITY),
                threads);
        workers.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warning(() -> workers.getQueue().size() + " queued mails were not sent before shutdown");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the message after the current transaction commits (at once when there is none). */
    public void sendAfterCommit(OutgoingMail mail) {
        queued.fire(new Queued(mail));
    }

    /**
     * Whether every message committed so far has been sent or given up: none waits, is being sent or waits
     * for a retry. What a test waits for before it concludes that a mail did not go out.
     */
    public boolean isIdle() {
        return pending.get() == 0;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued message) {
        pending.incrementAndGet();
        submit(message.mail(), 1);
    }

    private void submit(OutgoingMail mail, int attempt) {
        try {
            workers.execute(() -> deliver(mail, attempt));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.severe(() -> "Mail queue full or stopped; dropped '" + mail.subject() + "'");
        }
    }

    private void deliver(OutgoingMail mail, int attempt) {
        boolean retried = false;
        try {
            sender.sendPooled(mail);
        } catch (MailException e) {
            if (attempt >= ATTEMPTS) {
                LOG.log(Level.SEVERE, "Gave up sending '" + mail.subject() + "' after " + attempt + " attempts", e);
                return;
            }
            LOG.warning(() -> "Sending '" + mail.subject() + "' failed (attempt " + attempt + "): " + e.getMessage());
            try {
                Thread.sleep(1000L << attempt); // 2 s, 4 s, 8 s
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            retried = true;
            submit(mail, attempt + 1);
        } finally {
            if (!retried) {
                pending.decrementAndGet();
            }
        }
    }
}
