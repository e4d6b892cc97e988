package org.diasporadesk.outreach.replies.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopWordsTest {

    @Test
    void recognisesStopInTheDiasporasLanguagesWhateverTheCaseAccentsAndPunctuation() {
        assertThat(StopWords.isStop("STOP")).isTrue();
        assertThat(StopWords.isStop(" stop! ")).isTrue();
        assertThat(StopWords.isStop("Стоп")).isTrue();
        assertThat(StopWords.isStop("შეწყვეტა")).isTrue();
        assertThat(StopWords.isStop("Arrêt")).isTrue();
        assertThat(StopWords.isStop("ΣΤΟΠ")).isTrue();
    }

    @Test
    void aSentenceThatMentionsStoppingIsForAPersonToRead() {
        assertThat(StopWords.isStop("stop sending me the training dates")).isFalse();
        assertThat(StopWords.isStop("YES")).isFalse();
        assertThat(StopWords.isStop("")).isFalse();
        assertThat(StopWords.isStop(null)).isFalse();
    }
}
