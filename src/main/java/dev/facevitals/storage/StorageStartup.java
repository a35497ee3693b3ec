package dev.facevitals.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Checks the store and creates the bucket before the service takes requests. */
@ApplicationScoped
public class StorageStartup {

    void onStart(@Observes StartupEvent event, ObjectStore store) {
        store.ensureBucket();
    }
}
