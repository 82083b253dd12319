package com.yihuiliao.command.hospital;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text as stored: cleaned by jsoup to its relaxed safelist (text formatting, lists, tables, links and images
 * over http(s) or our own image path), so no script, event handler, style or {@code javascript:} URL is ever
 * stored, whatever was sent.
 */
final class RichText {

    static final int MAX = 100_000;
    /** Relative links are kept (our images are {@code /api/hospital/images/…}); they resolve against this. */
    private static final String BASE = "https://hospital.invalid/";
    private static final Safelist SAFELIST = Safelist.relaxed().preserveRelativeLinks(true);

    /** The cleaned HTML and its plain text. */
    record Clean(String html, String text) {
    }

    private RichText() {
    }

    static Clean clean(String field, String html) {
        String cleaned = Jsoup.clean(html, BASE, SAFELIST, new Document.OutputSettings().prettyPrint(false));
        String text = Jsoup.parse(cleaned).text();
        if (text.isBlank() && !cleaned.contains("<img")) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, field,
                    field + " has nothing to show once cleaned.");
        }
        if (cleaned.length() > MAX) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, field,
                    field + " is longer than " + MAX + " characters.");
        }
        return new Clean(cleaned, text);
    }
}
