package uk.dsltriage.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest gets the embedded PostgreSQL. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
