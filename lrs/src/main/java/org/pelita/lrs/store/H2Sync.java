package org.pelita.lrs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes H2 commits durable in groups, on a thread of its own: {@link #afterCommit} returns a future that completes once a
 * {@code CHECKPOINT SYNC} that began after the call has finished, that is once everything committed before the call is
 * stored in the file and flushed to the disk. Every commit waiting at that moment shares the one checkpoint.
 *
 * <p>Being a thread of its own is what lets the statement writer run the next transaction while the previous one is
 * being stored (that storing was a third of the writer's time). A checkpoint that meets a transaction still open stores
 * its changes with their undo log, as H2's background writer does every second anyway: on reopening after a crash, H2
 * rolls open transactions back, so only committed changes survive.
 */
final class H2Sync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Sync.class);

    private final DSLContext sql;
    private final Thread thread;
    private final Object lock = new Object();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean running = true;

    H2Sync(DSLContext sql) {
        this.sql = sql;
        this.thread = new Thread(this::run, "h2-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once what was committed before this call is on the disk (exceptionally if the checkpoint failed). */
    CompletableFuture<Void> afterCommit() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (!running) {
                done.completeExceptionally(new IllegalStateException("the database is closing"));
                return done;
            }
            waiting.add(done);
            lock.notifyAll();
        }
        return done;
    }

    private void run() {
        while (true) {
            List<CompletableFuture<Void>> group;
            synchronized (lock) {
                while (waiting.isEmpty() && running) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (waiting.isEmpty()) {
                    return; // closed, and nobody waits
                }
                group = waiting;
                waiting = new ArrayList<>();
            }
            try {
                sql.execute("CHECKPOINT SYNC");
                group.forEach(done -> done.complete(null));
            } catch (RuntimeException e) {
                LOG.error("storing committed changes in the H2 file failed", e);
                group.forEach(done -> done.completeExceptionally(e));
            }
        }
    }

    /** Finishes the checkpoints already asked for, then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
