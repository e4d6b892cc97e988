package org.diasporadesk.localstack;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.diasporadesk.browsertesting.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's screen on the running stack, in Chromium: Kutaisi's officer Nino Beridze signs in, registers a
 * family whose migrant the office already had under his Latin name and merges the two records on the screen; finds
 * him in another script, reads his history and withdraws a consent; uploads the office's spreadsheet and watches the
 * bar reach 100%, downloads the errors and warnings reports, and tells apart the namesake the file flagged; asks for
 * a person's erasure, which her supervisor Tamar Lomidze approves on her screen. Tkibuli's officer finds none of it,
 * and asks to merge his record of a man Kutaisi holds too; Tamar Lomidze approves that as well, and reads her desk in
 * Georgian; the administrator Sandro Kiknadze finds both steps in the audit trail.
 */
class RegistryDeskBrowserIT {

    private static final int PORT_OFFSET = 6_000;
    /** Rows of the uploaded file besides the four this test looks at. */
    private static final int GENERATED_ROWS = 1_500;
    private static final List<String> GIVEN_NAMES = List.of("Levan", "Giorgi", "Davit", "Irakli", "Zurab", "Nika",
            "Lasha", "Sandro", "Tornike", "Beka", "Otar", "Gela", "Temur", "Mamuka", "Koba", "Revaz", "Guram", "Shota",
            "Paata", "Archil", "Eter", "Tamar", "Mariam", "Ana", "Eka", "Salome", "Ketevan", "Natia", "Lia", "Manana",
            "Maia", "Tea", "Khatia", "Nana", "Sopo", "Ia", "Marina", "Irma", "Lela", "Dali");
    private static final List<String> FAMILY_NAMES = List.of("Abashidze", "Bakradze", "Chikovani", "Dolidze",
            "Gelashvili", "Gogua", "Japaridze", "Jgenti", "Kiknadze", "Kvaratskhelia", "Lomidze", "Mchedlishvili",
            "Nikoladze", "Tsereteli", "Maisuradze", "Giorgadze", "Lortkipanidze", "Tsiklauri", "Kharaishvili",
            "Gvenetadze", "Chkheidze", "Shengelia", "Mikadze", "Kobakhidze", "Natsvlishvili", "Tabatadze",
            "Khutsishvili", "Sichinava", "Jorbenadze", "Avaliani", "Gabunia", "Kurtanidze", "Meladze", "Papava", "Dvali",
            "Tsintsadze", "Gamsakhurdia", "Zhvania", "Sulaberidze", "Okropiridze");

    @TempDir
    Path data;

    @TempDir
    Path downloads;

    @Test
    void anOfficerRegistersUploadsAndResolvesDuplicatesAndHerSupervisorApprovesAnErasure() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        try (LocalStack stack = LocalStack.start(config)) {
            StackApi api = new StackApi(config);
            String officer = api.token("registry-officer");
            register(api, officer, "Vakhtang Beridze", "MALE", 1988, "GR", "+30 691 234 5678");
            register(api, officer, "Nino Kapanadze", "FEMALE", 1992, "IT", "+39 345 678 9012");
            register(api, officer, "Davit Meskhi", "MALE", 1985, "DE", "+49 151 2345 6789");
            // Tkibuli's office has him too, from his brother: a pair across offices.
            HttpResponse<String> inTkibuli = api.post("registry-service", "/households",
                    api.token("registry-officer-tkibuli"), """
                    {"municipalityCode": "GE-IM-TKIBULI",
                     "informants": [{"name": "გიორგი მესხი", "relation": "brother", "phone": "599 44 00 01"}],
                     "migrants": [{"givenName": "დავით", "familyName": "მესხი", "sex": "MALE", "birthYear": 1985,
                       "destinationCountry": "DE", "lifecycleStage": "ABROAD", "phones": ["0151 23456789"],
                       "consent": {"hotline": true, "outreach": false, "statistics": true}}]}""");
            String tkibuliHousehold = StackApi.body(inTkibuli, 201).get("id").asString();

            String desk = "http://localhost:" + config.port("registry-service") + "/desk/index.html";
            ChromeDriver browser = HeadlessChromium.start(downloads);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class);
                browser.get(desk);
                IssuerSignIn.signIn(browser, wait, config, "nino.beridze");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("Ready"));
                assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Nino Beridze");
                assertThat(browser.findElement(By.cssSelector("[data-tab='erasures-section']")).isDisplayed())
                    .as("an officer's screen").isFalse();

                // A family reports Vakhtang in Georgian script: the desk shows he may be the office's Vakhtang Beridze.
                tab(browser, "register-section");
                WebElement form = browser.findElement(By.id("register"));
                form.findElement(By.name("locality")).sendKeys("Tsereteli St 12");
                form.findElement(By.name("informantName")).sendKeys("ნინო ბერიძე");
                form.findElement(By.name("informantRelation")).sendKeys("mother");
                form.findElement(By.name("informantPhone")).sendKeys("599 12 34 56");
                new Select(form.findElement(By.name("informantSex"))).selectByValue("FEMALE");
                form.findElement(By.name("informantHotline")).click();
                form.findElement(By.name("informantOutreach")).click();
                WebElement migrant = form.findElement(By.cssSelector("fieldset.migrant"));
                migrant.findElement(By.name("givenName")).sendKeys("ვახტანგ");
                migrant.findElement(By.name("familyName")).sendKeys("ბერიძე");
                new Select(migrant.findElement(By.name("sex"))).selectByValue("MALE");
                migrant.findElement(By.name("birthYear")).sendKeys("1988");
                migrant.findElement(By.name("destinationCountry")).sendKeys("GR");
                migrant.findElement(By.name("phone")).sendKeys("691 234 5678");
                for (String purpose : List.of("hotline", "outreach", "statistics")) {
                    migrant.findElement(By.name(purpose)).click();
                }
                form.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(page -> browser.findElement(By.id("registered")).getText().contains("Registered household"));
                WebElement registered = browser.findElement(By.id("registered"));
                assertThat(registered.getText()).contains("may already be registered as Vakhtang Beridze, born 1988",
                        "same phone", "same name");

                registered.findElement(By.xpath(".//button[text()='Compare']")).click();
                WebElement pair = wait.until(page -> browser.findElement(By.id("candidate")));
                wait.until(page -> pair.findElements(By.className("side")).size() == 2);
                assertThat(pair.getText()).contains("ვახტანგ ბერიძე", "Vakhtang Beridze", "+306912345678",
                        "ნინო ბერიძე, mother, +995599123456");
                String pairId = pair.getDomAttribute("data-candidate");
                pair.findElement(By.cssSelector("[data-outcome='SAME_PERSON']")).click();
                wait.until(page -> pair.getText().contains("Merged into one record by nino.beridze"));
                assertThat(api.get("registry-service", "/duplicate-candidates/" + pairId, officer).get("status")
                    .asString()).isEqualTo("MERGED");

                // One Vakhtang, found by his name in Georgian; his record's history has the merge.
                tab(browser, "search-section");
                search(browser, wait, "name", "ვახტანგ ბერიძე", "1 migrant");
                browser.findElement(By.cssSelector("#migrants button.open")).click();
                WebElement record = browser.findElement(By.id("record"));
                wait.until(page -> record.getText().contains("Vakhtang Beridze"));
                assertThat(record.findElement(By.className("history")).getText()).contains("nino.beridze");
                record.findElement(By.cssSelector("[data-purpose='outreach'] button")).click();
                wait.until(page -> record.getText().contains("Consent withdrawn for outreach"));
                assertThat(record.findElement(By.cssSelector("[data-purpose='outreach']")).getText())
                    .startsWith("outreach no");
                String householdId = api.get("registry-service", "/migrants?name=Vakhtang%20Beridze", officer)
                    .at("/items/0/householdId").asString();
                assertThat(api.get("registry-service", "/households/" + householdId, officer)
                    .at("/migrants/0/consent/outreach").asBoolean()).isFalse();

                // His mother, who reported him, came with the merge and has consent of her own: she withdraws hers.
                WebElement mother = record.findElement(By.cssSelector(".family [data-family-member]"));
                assertThat(mother.getText()).startsWith("ნინო ბერიძე, mother, +995599123456").contains("outreach yes");
                mother.findElement(By.cssSelector("[data-purpose='outreach'] button")).click();
                wait.until(page -> record.findElement(By.cssSelector(".family [data-family-member]")).getText()
                    .contains("outreach no"));
                JsonNode family = api.get("registry-service", "/households/" + householdId, officer);
                assertThat(family.at("/informants/0/consent/outreach").asBoolean()).isFalse();
                assertThat(family.at("/informants/0/consent/hotline").asBoolean()).as("her other consent stays").isTrue();

                // The office's spreadsheet: a bar to 100%, the reports, and the one pair it flagged.
                tab(browser, "upload-section");
                Path file = officeFile();
                browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(file.toString());
                browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
                Set<Integer> barValues = new TreeSet<>();
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(page -> {
                    barValues.add(Integer.parseInt(browser.findElement(By.id("import-progress")).getDomProperty("value")));
                    return barValues.contains(100) && !browser.findElements(By.cssSelector("#import .reports button"))
                        .isEmpty();
                });
                System.out.printf("the upload's bar showed %s%n", barValues);
                int rows = GENERATED_ROWS + 4;
                assertThat(browser.findElement(By.cssSelector("#import .percent")).getText()).isEqualTo("100%");
                assertThat(browser.findElement(By.cssSelector("#import .counts")).getText()).contains(
                        rows + " of " + rows + " rows", (rows - 1) + " imported", "1 rejected", "1 with warnings",
                        "1 possible duplicates");
                IssuerSignIn.screenshot(browser, "registry-officer-upload.png");
                String job = browser.findElement(By.id("import")).getDomAttribute("data-job");
                assertThat(download(browser, "import-" + job + "-errors.csv")).contains("3,sex,X,");
                assertThat(download(browser, "import-" + job + "-warnings.csv"))
                    .contains("4,informant_phone,590 12 34 56,");

                browser.findElement(By.cssSelector("#import button.review-import")).click();
                By flagged = By.cssSelector("#candidates tbody tr");
                // The queue as it was (the open pair across offices) until the import's own answer replaces it.
                wait.until(page -> browser.findElements(flagged).size() == 1
                        && browser.findElement(flagged).getText().contains("ნინო კაპანაძე"));
                assertThat(browser.findElement(flagged).getText()).contains("Nino Kapanadze");
                browser.findElement(flagged).findElement(By.className("open")).click();
                wait.until(page -> !pair.getDomAttribute("data-candidate").equals(pairId));
                IssuerSignIn.screenshot(browser, "registry-duplicate-review.png");
                String namesakes = pair.getDomAttribute("data-candidate");
                assertThat(pair.getText()).contains("same name", "same birth year", "same country").doesNotContain("same phone");
                pair.findElement(By.name("note")).sendKeys("Another family: her number and her sister's are not ours");
                pair.findElement(By.cssSelector("[data-outcome='NOT_THE_SAME_PERSON']")).click();
                wait.until(page -> pair.getText().contains("Remembered as two people"));
                wait.until(page -> browser.findElements(flagged).isEmpty());
                assertThat(api.get("registry-service", "/duplicate-candidates/" + namesakes, officer).get("status")
                    .asString()).isEqualTo("NOT_THE_SAME_PERSON");

                // A person asks to be erased; the officer asks, her supervisor decides.
                tab(browser, "search-section");
                search(browser, wait, "phone", "+39 345 100 0007", "1 migrant");
                browser.findElement(By.cssSelector("#migrants button.open")).click();
                wait.until(page -> record.getText().contains("Sandro Abashidze"));
                record.findElement(By.name("grounds")).sendKeys("He asked by phone to be removed");
                record.findElement(By.cssSelector("form.erasure button")).click();
                wait.until(page -> record.getText().contains("Erasure requested"));
                IssuerSignIn.signOut(browser, wait);

                IssuerSignIn.signIn(browser, wait, config, "levan.jgenti");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("Ready"));
                search(browser, wait, "name", "Kapanadze", "0 migrants");
                tab(browser, "review-section");
                wait.until(page -> browser.findElement(By.cssSelector("#review-filter .result")).getText()
                    .equals("1 open"));
                browser.findElement(flagged).findElement(By.className("open")).click();
                WebElement acrossOffices = browser.findElement(By.id("candidate"));
                wait.until(page -> acrossOffices.getText().contains("Held by Kutaisi"));
                acrossOffices.findElement(By.name("note")).sendKeys("Kutaisi's family says he moved to Munich");
                acrossOffices.findElement(By.cssSelector("[data-outcome='SAME_PERSON']")).click();
                wait.until(page -> acrossOffices.getText().contains("Merge proposed by levan.jgenti (Tkibuli)"));
                assertThat(browser.findElement(By.id("desk")).getText()).as("Tkibuli's officer: Kutaisi's records")
                    .doesNotContain("Beridze", "Kapanadze", "Davit Meskhi");
                IssuerSignIn.signOut(browser, wait);

                IssuerSignIn.signIn(browser, wait, config, "tamar.lomidze");
                By request = By.cssSelector("#erasures tbody tr");
                wait.until(page -> browser.findElement(request).getText().contains("He asked by phone to be removed"));
                assertThat(browser.findElement(By.cssSelector("[data-tab='search-section']")).isDisplayed())
                    .as("a supervisor's screen").isFalse();
                browser.findElement(request).findElement(By.className("approve")).click();
                wait.until(page -> browser.findElements(request).isEmpty());
                assertThat(api.get("registry-service", "/migrants?phone="
                        + URLEncoder.encode("+393451000007", StandardCharsets.UTF_8), officer).get("total").asInt())
                    .as("erased").isZero();

                // The merge Tkibuli proposed: Kutaisi's supervisor sees Kutaisi's record, not Tkibuli's, and approves.
                tab(browser, "merges-section");
                By proposal = By.cssSelector("#merges [data-candidate]");
                wait.until(page -> browser.findElement(proposal).getText().contains("levan.jgenti (Tkibuli) asks"));
                assertThat(browser.findElement(proposal).getText()).contains("Davit Meskhi", "Held by Tkibuli",
                        "Kutaisi's family says he moved to Munich").doesNotContain("დავით მესხი");
                IssuerSignIn.screenshot(browser, "registry-supervisor-merge.png");
                browser.findElement(proposal).findElement(By.className("approve")).click();
                wait.until(page -> browser.findElement(By.id("merges")).getText().equals("No merge waits for you."));
                assertThat(api.getResponse("registry-service", "/households/" + tkibuliHousehold,
                        api.token("registry-officer-tkibuli")).statusCode())
                    .as("Tkibuli's record merged into Kutaisi's").isEqualTo(404);

                // In Georgian: the desk's own texts follow the language chosen in the header, kept for the next visit.
                new Select(browser.findElement(By.id("language"))).selectByValue("ka");
                wait.until(page -> browser.findElement(By.id("status")).getText().equals("მზადაა"));
                assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ka");
                assertThat(browser.findElement(By.cssSelector("[data-tab='merges-section']")).getText())
                    .isEqualTo("დასამტკიცებელი გაერთიანებები");
                assertThat(browser.findElement(By.id("erasures-title")).getText()).isEqualTo("წაშლის მოთხოვნები");
                IssuerSignIn.signOut(browser, wait);

                // The administrator reads who did what: the merge's proposal and its approval, by person.
                IssuerSignIn.signIn(browser, wait, config, "sandro.kiknadze");
                By trail = By.id("audit-entries");
                wait.until(page -> browser.findElement(trail).getText().contains("approved merging duplicate candidate"));
                assertThat(browser.findElement(trail).getText()).contains("tamar.lomidze", "levan.jgenti",
                        "proposed merging duplicate candidate").doesNotContain("Davit Meskhi", "+4915123456789");
            }
            finally {
                browser.quit();
            }
        }
    }

    private static void register(StackApi api, String officer, String name, String sex, int born, String country,
            String phone)
            throws Exception {
        HttpResponse<String> created = api.post("registry-service", "/households", officer, """
                {"municipalityCode": "GE-IM-KUTAISI",
                 "migrants": [{"nameLatin": "%s", "sex": "%s", "birthYear": %d, "destinationCountry": "%s",
                   "lifecycleStage": "ABROAD", "phones": ["%s"],
                   "consent": {"hotline": true, "outreach": true, "statistics": true}}]}"""
            .formatted(name, sex, born, country, phone));
        StackApi.body(created, 201);
    }

    /**
     * A Kutaisi spreadsheet: a sex the registry does not know on line 3, a relative's number outside the ranges in
     * use on line 4, a namesake of Nino Kapanadze born the same year in Italy, in Georgian, on line 5, and then the
     * generated families.
     */
    private Path officeFile() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "external_id,household_ref,municipality_code,informant_name,informant_relation,informant_phone,"
                        + "given_name,family_name,name_latin,sex,birth_year,destination_country,phone,lifecycle_stage,"
                        + "consent_hotline,consent_outreach,consent_statistics",
                "K-1,KH-1,GE-IM-KUTAISI,ლია გელაშვილი,mother,599 33 00 01,,,Nodar Gelashvili,M,1990,IT,+39 345 100 0001,"
                        + "abroad,yes,yes,yes",
                "K-2,KH-2,GE-IM-KUTAISI,,,,,,Ilia Chanturia,X,1990,IT,+39 345 100 0002,abroad,yes,yes,yes",
                "K-3,KH-3,GE-IM-KUTAISI,მზია ბერიძე,mother,590 12 34 56,,,Badri Beridze,M,1991,IT,+39 345 100 0003,"
                        + "abroad,yes,yes,yes",
                "K-4,KH-4,GE-IM-KUTAISI,თამარ კაპანაძე,sister,599 33 00 04,ნინო,კაპანაძე,,F,1992,IT,333 111 2233,"
                        + "abroad,yes,yes,yes"));
        for (int i = 5; i < GENERATED_ROWS + 5; i++) {
            // Every generated name is another pair of a given and a family name: nobody in it is anybody else.
            lines.add("K-%d,KH-%d,GE-IM-KUTAISI,,,,,,%s %s,M,%d,IT,+39 345 100 %04d,abroad,yes,no,yes".formatted(i, i,
                    GIVEN_NAMES.get(i % GIVEN_NAMES.size()), FAMILY_NAMES.get(i / GIVEN_NAMES.size()), 1960 + i % 40, i));
        }
        Path file = data.resolve("kutaisi-families.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Clicks one of the report buttons and reads the file the browser saved. */
    private String download(ChromeDriver browser, String name) throws Exception {
        browser.findElement(By.cssSelector("#import [data-report='" + name + "']")).click();
        Path saved = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> Files.exists(saved));
        return Files.readString(saved);
    }

    /** Searches by one field and waits for the search's answer (the desk says "Searching…" until it is there). */
    private static void search(ChromeDriver browser, WebDriverWait wait, String field, String value, String answer) {
        WebElement form = browser.findElement(By.id("search"));
        form.findElement(By.name("name")).clear();
        form.findElement(By.name("phone")).clear();
        form.findElement(By.name(field)).sendKeys(value);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(page -> page.findElement(By.id("search")).findElement(By.className("result")).getText()
            .equals(answer));
    }

    private static void tab(ChromeDriver browser, String section) {
        browser.findElement(By.cssSelector("[data-tab='" + section + "']")).click();
    }
}
