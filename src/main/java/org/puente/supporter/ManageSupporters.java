package org.puente.supporter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.puente.platform.i18n.Language;

/**
 * The supporter list ({@code /admin/supporters?q=&status=&language=&page=}): a GET search, so a result can
 * be bookmarked, paged and exported with the same filter.
 */
@Named
@RequestScoped
public class ManageSupporters {

    @Inject
    SupporterDirectory directory;

    private String q;
    private String status;
    private String language;
    private int page = 1;
    private SupporterFilter filter;
    private SupporterDirectory.Results results;

    public void load() {
        filter = SupporterFilter.of(q, status, language);
        results = directory.search(filter, Math.max(1, page) - 1);
    }

    private SupporterDirectory.Results results() {
        if (results == null) {
            load();
        }
        return results;
    }

    public List<Supporter> getRows() {
        return results().rows();
    }

    public long getTotal() {
        return results().total();
    }

    public long getPages() {
        return Math.max(1, (results().total() + SupporterDirectory.PAGE_SIZE - 1) / SupporterDirectory.PAGE_SIZE);
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return page < getPages();
    }

    /** The query string of this search at another page (or of the export, for page 0). */
    public String query(int target) {
        results();
        StringBuilder query = new StringBuilder();
        append(query, "q", filter.query());
        append(query, "status", filter.status() == null ? null : filter.status().name());
        append(
                query,
                "language",
                filter.language() == null ? null : filter.language().code());
        if (target > 1) {
            append(query, "page", String.valueOf(target));
        }
        return query.isEmpty() ? "" : "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public SupporterStatus[] getStatuses() {
        return SupporterStatus.values();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
