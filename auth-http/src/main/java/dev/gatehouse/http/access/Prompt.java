package dev.gatehouse.http.access;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The first item of a publisher as a future that is already complete when the publisher gave it
 * during {@code subscribe} (as {@code Mono.just}, {@code Publishers.just} and {@code empty} do), so
 * {@link PromptSecurityFilter} can go on at once; otherwise it completes when the item comes.
 */
final class Prompt<T> extends CompletableFuture<Optional<T>> implements Subscriber<T> {

    private Subscription subscription;

    private Prompt() {
    }

    /** The publisher's first item (empty if it completes without one); it is cancelled after the first. */
    static <T> CompletableFuture<Optional<T>> first(Publisher<T> publisher) {
        Prompt<T> prompt = new Prompt<>();
        publisher.subscribe(prompt);
        return prompt;
    }

    @Override
    public void onSubscribe(Subscription given) {
        subscription = given;
        given.request(1);
    }

    @Override
    public void onNext(T item) {
        if (complete(Optional.ofNullable(item)) && subscription != null) {
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable failure) {
        completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        complete(Optional.empty());
    }
}
