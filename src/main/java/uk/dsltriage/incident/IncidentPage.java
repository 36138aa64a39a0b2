package uk.dsltriage.incident;

import java.util.List;

/** One page of incident summaries, newest first, with the count of all that match. */
public record IncidentPage(List<IncidentSummary> items, int page, int size, long totalItems) {

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }
}
