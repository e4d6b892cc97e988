package org.diasporadesk.outreach;

import java.util.ArrayList;
import java.util.List;

import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.HostileRequests;
import org.diasporadesk.testsupport.PublishedApiDocument;
import org.diasporadesk.testsupport.ServedApi;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What partners build on: the published API document is the one served, and no request gets a 5xx. */
@ServiceIntegrationTest
class ApiContractIT {

    @LocalServerPort
    int port;

    @Test
    void publishedApiDocumentIsTheServedOne() {
        PublishedApiDocument.assertCurrent(ApiClient.local(port), "outreach-service");
    }

    @Test
    void theDocumentsExamplesWork() {
        PublishedApiDocument.assertExamplesWork(ApiClient.local(port));
    }

    @Test
    void everyWriteOperationAnswersGeneratedHostileRequestsWithoutA5xx() {
        List<HostileRequests.Answer> sent = new ArrayList<>();
        List<HostileRequests.Answer> unacceptable = new HostileRequests(port, ServedApi.of(ApiClient.local(port)))
            .unacceptableAnswers(60, sent);

        assertThat(sent).as("requests sent").hasSizeGreaterThan(60);
        assertThat(unacceptable).as("answers that are a 5xx or a 4xx without a problem document, of %d", sent.size())
            .isEmpty();
    }
}
