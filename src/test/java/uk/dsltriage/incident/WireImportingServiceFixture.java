package uk.dsltriage.incident;

import uk.dsltriage.incident.api.IncidentView;

/** Never used: a service that returns a response record, for {@code CapabilityGraphTest} to prove it catches one. */
public final class WireImportingServiceFixture {

    private WireImportingServiceFixture() {
    }

    static IncidentView view() {
        return null;
    }
}
