package org.diasporadesk.outreach.campaigns.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A further question of a survey, sent to a recipient once they answered the one before (the campaign's own
 * message is the first question).
 *
 * @param templates     per BCP 47 language, with the same placeholders and fallback language as the campaign's own
 * @param answerOptions the replies that count as answers, upper case; none: free text only
 */
public record SurveyQuestion(Map<String, MessageTemplate> templates, List<String> answerOptions) {

    public SurveyQuestion {
        templates = Map.copyOf(templates);
        answerOptions = answerOptions == null ? List.of()
                : answerOptions.stream().map(option -> option.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    }
}
