package org.puente.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mail that should not hold up the request that causes it (a signature's confirmation link): it goes
 * out once the transaction that made it commits, and never if it rolls back, through a few tasks of a
 * managed scheduled executor sharing pooled SMTP connections. A refused or failed send is scheduled again
 * a few times with growing pauses ({@link #retryDelay}); no task ever sleeps to wait for its retry.
 *
 * <p>The queue is in memory: mail waiting in it when the process dies is lost. For a confirmation link
 * that bound is acceptable: the signer who gets no mail signs again and is sent a fresh link (and the
 * signature is kept). Mail that must not be lost does not use this queue. On undeploy the queue is given
 * a few seconds to drain.
 */
@ManagedScheduledExecutorDefinition(name = MailQueue.EXECUTOR, maxAsync = MailQueue.WORKERS)
@ApplicationScoped
public class MailQueue {

    static final String EXECUTOR = "java:app/concurrent/puente-mail";
    static final int WORKERS = 4;
    private static final int CAPACITY = 50_000;
    private static final int ATTEMPTS = 4;
    private static final Duration DRAIN_ON_STOP = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());

    /** A message waiting for its transaction to commit. */
    public record Queued(OutgoingMail mail) {}

    @Inject
    MailSender sender;

    @Inject
    Event<Queued> queued;

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    /** Messages accepted and not yet sent or given up (waiting, being sent, or waiting for a retry). */
    private int pending;

    private volatile boolean stopping;

    /** Sends the message after the current transaction commits (at once when there is none). */
    public void sendAfterCommit(OutgoingMail mail) {
        queued.fire(new Queued(mail));
    }

    /**
     * Whether every message committed so far has been sent or given up: none waits, is being sent or waits
     * for a retry. What a test waits for before it concludes that a mail did not go out.
     */
    public boolean isIdle() {
        return pending() == 0;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued message) {
        synchronized (this) {
            if (stopping || pending >= CAPACITY) {
                LOG.severe(() ->
                        "Mail queue full or stopped; dropped '" + message.mail().subject() + "'");
                return;
            }
            pending++;
        }
        schedule(message.mail(), 1, Duration.ZERO);
    }

    /** How many messages are waiting, being sent or waiting for a retry: zero once the queue has drained. */
    public synchronized int pending() {
        return pending;
    }

    /** The pause before attempt {@code attempt + 1} after attempt {@code attempt} failed: 2 s, 4 s, 8 s. */
    static Duration retryDelay(int attempt) {
        return Duration.ofSeconds(1L << attempt);
    }

    private void schedule(OutgoingMail mail, int attempt, Duration delay) {
        try {
            executor.schedule(() -> deliver(mail, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.severe(() -> "Mail queue stopped; dropped '" + mail.subject() + "'");
            done();
        }
    }

    private void deliver(OutgoingMail mail, int attempt) {
        boolean retried = false;
        try {
            sender.sendPooled(mail);
            done();
        } catch (RuntimeException e) { // a MailException, or a message that could not be built
            if (attempt >= ATTEMPTS || stopping) {
                LOG.log(Level.SEVERE, "Gave up sending '" + mail.subject() + "' after " + attempt + " attempts", e);
                done();
                return;
            }
            LOG.warning(() -> "Sending '" + mail.subject() + "' failed (attempt " + attempt + "): " + e.getMessage());
            schedule(mail, attempt + 1, retryDelay(attempt));
        }
    }

    private synchronized void done() {
        pending--;
        if (pending == 0) {
            notifyAll();
        }
    }

    /** Undeploy: no new mail is taken, and what is queued gets a few seconds to go out. */
    @PreDestroy
    synchronized void stop() {
        stopping = true;
        long deadline = System.nanoTime() + DRAIN_ON_STOP.toNanos();
        try {
            while (pending > 0 && System.nanoTime() < deadline) {
                wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending > 0) {
            LOG.warning(() -> pending + " queued mails were not sent before shutdown");
        }
    }
}
