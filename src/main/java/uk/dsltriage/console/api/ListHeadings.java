package uk.dsltriage.console.api;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.regex.Pattern;

/** The column headings of a list table as its template names them ({@code tags/listHead.html}). */
public final class ListHeadings {

    private static final Pattern BAR = Pattern.compile("\\|");

    private ListHeadings() {
    }

    /** {@code {columns.headings}}: "Task|About|Due" is Task, About, Due. */
    @TemplateExtension
    static List<String> headings(String columns) {
        return List.of(BAR.split(columns));
    }
}
