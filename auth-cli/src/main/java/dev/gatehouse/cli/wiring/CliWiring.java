package dev.gatehouse.cli.wiring;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.Stores;
import java.time.Clock;

/**
 * The CLI's only wiring: one set of stores and core's {@link UseCases} over it, for one command.
 * No framework, so {@code gatehouse} starts in a fraction of a second. Closing it closes the stores.
 */
public final class CliWiring implements AutoCloseable {

    private final Stores stores;
    private final UseCases useCases;

    /** The use cases over {@code stores}, told what {@code settings} say; closing this closes {@code stores}. */
    public CliWiring(Stores stores, PasswordHasher hasher, Clock clock, UseCases.Settings settings) {
        this.stores = stores;
        this.useCases = new UseCases(stores, hasher, clock, settings);
    }

    /** Every use case, over this command's store. */
    public UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        stores.close();
    }
}
