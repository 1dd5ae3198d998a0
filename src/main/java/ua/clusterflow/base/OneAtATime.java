package ua.clusterflow.base;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Requests for the same thing (one meetup's places) taken one at a time on this node, waited for before the request
 * takes a database connection: a burst then queues here, not in the pool behind one row lock, where the waiting
 * requests held every connection until the pool's timeout refused the rest. Across nodes the database's own lock
 * still decides; this only keeps one node's burst out of its pool. Fair, so the first to come is the first served.
 */
public final class OneAtATime {

    /** Waited longer than a person would: the page asks to send again in a minute. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("Waited too long for the same thing's earlier requests", null, false, false);
        }
    }

    private final ReentrantLock[] stripes = new ReentrantLock[64];
    private final Duration wait;

    public OneAtATime(Duration wait) {
        this.wait = wait;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    public <T> T run(String key, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
