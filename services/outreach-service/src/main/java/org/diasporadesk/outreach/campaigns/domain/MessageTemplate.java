package org.diasporadesk.outreach.campaigns.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a campaign in one language. {@code {name}}, {@code {campaign}}, {@code {session.date}} and
 * {@code {session.place}} are replaced per recipient; an unknown placeholder is refused when the campaign is
 * drafted, so that nobody receives a raw one.
 *
 * @param subject for e-mail; other channels send the body only
 */
public record MessageTemplate(String subject, String body) {

    public static final Set<String> PLACEHOLDERS = Set.of("name", "campaign", "session.date",
            "session.place");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z.]+)}");

    /** The placeholders of subject and body that are not among {@link #PLACEHOLDERS}. */
    public List<String> unknownPlaceholders() {
        return PLACEHOLDER.matcher((subject == null ? "" : subject) + " " + body).results()
            .map(match -> match.group(1))
            .filter(name -> !PLACEHOLDERS.contains(name))
            .distinct()
            .toList();
    }

    public String subject(Map<String, String> values) {
        return subject == null ? null : fill(subject, values);
    }

    public String body(Map<String, String> values) {
        return fill(body, values);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
