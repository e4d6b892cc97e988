package org.diasporadesk.outreach;

import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.HostileRequests;
import org.diasporadesk.testsupport.PublishedApiDocument;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
        HostileRequests.assertAnsweredWithoutA5xx(port, 60);
    }
}
