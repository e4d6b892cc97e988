package org.diasporadesk.outreach.campaigns.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.outreach.campaigns.application.CampaignDesk;
import org.diasporadesk.outreach.campaigns.domain.Campaign;
import org.diasporadesk.outreach.campaigns.domain.CampaignKind;
import org.diasporadesk.outreach.campaigns.domain.MessageTemplate;
import org.diasporadesk.outreach.campaigns.domain.Schedule;
import org.diasporadesk.outreach.campaigns.domain.SessionReminder;
import org.diasporadesk.outreach.campaigns.domain.SurveyQuestion;
import org.diasporadesk.outreach.campaigns.domain.TrainingSession;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.dispatch.domain.MessageStatus;
import org.diasporadesk.outreach.dispatch.domain.OutreachMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Campaigns", description = "Information, trainings, events and surveys sent to segments of consenting "
        + "migrants.")
@RestController
class CampaignController {

    private final CampaignDesk desk;
    private final CampaignProgressView progress;

    CampaignController(CampaignDesk desk, CampaignProgressView progress) {
        this.desk = desk;
        this.progress = progress;
    }

    record TemplateRequest(@Size(max = 200) String subject, @NotBlank @Size(max = 1600) String body) {
    }

    record SessionRequest(@NotNull Instant startsAt, @NotBlank @Size(max = 300) String place,
            @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    record ScheduleRequest(Instant at, @Min(1) @Max(24 * 60) Integer hoursBeforeFirstSession) {
    }

    /** A reminder to those holding a place, {@code hoursBefore} each session (up to 60 days). */
    record ReminderRequest(@NotNull @Min(1) @Max(24 * 60) Integer hoursBefore,
            @NotEmpty @Size(max = 30)
            Map<@NotBlank @Size(max = 35) String, @Valid @NotNull TemplateRequest> templates) {
    }

    /** A survey's further question, sent once the one before is answered. */
    record QuestionRequest(
            @NotEmpty @Size(max = 30) Map<@NotBlank @Size(max = 35) String, @Valid @NotNull TemplateRequest> templates,
            @Size(max = 10) List<@NotBlank @Size(max = 20) String> answerOptions) {
    }

    record CampaignRequest(@NotNull CampaignKind kind, @NotBlank @Size(max = 200) String title,
            @NotBlank String ownerArea, @NotBlank String segmentId, @NotEmpty @Size(max = 3) List<@NotNull Channel> channels,
            @NotEmpty @Size(max = 30) Map<@NotBlank @Size(max = 35) String, @Valid @NotNull TemplateRequest> templates,
            @NotBlank String fallbackLanguage, @Size(max = 10) List<@NotBlank @Size(max = 20) String> answerOptions,
            @Size(max = 50) List<@Valid @NotNull SessionRequest> sessions, @Valid ScheduleRequest schedule,
            @Size(max = 5) List<@Valid @NotNull ReminderRequest> reminders,
            @Size(max = 20) List<@Valid @NotNull QuestionRequest> followUps) {

        CampaignDesk.Draft draft() {
            return new CampaignDesk.Draft(kind, title, ownerArea, segmentId, channels, templates(templates),
                    fallbackLanguage, answerOptions,
                    sessions == null ? List.of() : sessions.stream()
                        .map(s -> new TrainingSession(null, s.startsAt(), s.place(), s.capacity())).toList(),
                    schedule == null ? Schedule.atLaunch()
                            : new Schedule(schedule.at(), schedule.hoursBeforeFirstSession()),
                    reminders == null ? List.of() : reminders.stream()
                        .map(r -> new SessionReminder(r.hoursBefore(), templates(r.templates()))).toList(),
                    followUps == null ? List.of() : followUps.stream()
                        .map(q -> new SurveyQuestion(templates(q.templates()), q.answerOptions())).toList());
        }

        private static Map<String, MessageTemplate> templates(Map<String, TemplateRequest> requested) {
            return requested.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> new MessageTemplate(entry.getValue().subject(), entry.getValue().body())));
        }
    }

    @Operation(summary = "Draft a campaign",
            description = "A campaign in draft, with its segment, channel, messages per language and sessions; it "
                    + "sends nothing until launched.",
            responses = @ApiResponse(responseCode = "201", description = "The draft was saved; `Location` names it."))
    @PostMapping("/campaigns")
    ResponseEntity<Campaign> draft(@Valid @RequestBody CampaignRequest request, @AuthenticationPrincipal Jwt jwt) {
        Campaign campaign = desk.draft(request.draft(), Actor.from(jwt));
        return ResponseEntity.created(URI.create("/campaigns/" + campaign.id())).body(campaign);
    }

    @Operation(summary = "Launch a campaign",
            description = "Launches a draft: its messages are queued at its start time (now, unless scheduled) and "
                    + "sent at a sensible hour where each recipient lives.")
    @PostMapping("/campaigns/{id}/launch")
    Campaign launch(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return desk.launch(id, Actor.from(jwt));
    }

    @Operation(summary = "Cancel a campaign",
            description = "Stops a campaign; messages not yet sent are withdrawn.")
    @PostMapping("/campaigns/{id}/cancel")
    Campaign cancel(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return desk.cancel(id, Actor.from(jwt));
    }

    @Operation(summary = "Read a campaign",
            description = "The campaign with its messages per status and its replies per answer.")
    @GetMapping("/campaigns/{id}")
    CampaignProgressView.Progress find(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return progress.of(desk.find(id, Actor.from(jwt)));
    }

    @Operation(summary = "List a campaign's messages",
            description = "The campaign's messages, of one status if given: which recipient, which channel, and why "
                    + "one waits or failed (`lastError`: quiet hours, provider unavailable, gave up after n "
                    + "attempts).")
    @GetMapping("/campaigns/{id}/messages")
    List<OutreachMessage> messages(@PathVariable String id, @RequestParam(required = false) MessageStatus status,
            @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal Jwt jwt) {
        return progress.messages(desk.find(id, Actor.from(jwt)), status, Math.min(Math.max(limit, 1), 1000));
    }

    @Operation(summary = "List campaigns",
            description = "The campaigns of the coordinator's area, newest first.")
    @GetMapping("/campaigns")
    List<Campaign> visible(@AuthenticationPrincipal Jwt jwt) {
        return desk.visibleTo(Actor.from(jwt));
    }
}
