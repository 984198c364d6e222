package dev.darkmaximus.testsupport;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the domain events the application publishes, on whichever thread (Spring's
 * {@code @RecordApplicationEvents} sees only the test's own thread, and ours are published on request and worker
 * threads). A test-classpath bean, so production never has it; tests select by what they own (an order or key id)
 * since the one shared context also serves every other test.
 */
@Component
public class PublishedEvents {

    private static final int KEPT = 10_000;

    private final ConcurrentLinkedQueue<Object> published = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getName().startsWith("dev.darkmaximus.") && event.getClass().isRecord()) {
            published.add(event);
            while (published.size() > KEPT) {
                published.poll();
            }
        }
    }

    /** The events of {@code type} so far that {@code which} selects, oldest first. */
    public <T> List<T> of(Class<T> type, Predicate<T> which) {
        return published.stream().filter(type::isInstance).map(type::cast).filter(which).toList();
    }
}
