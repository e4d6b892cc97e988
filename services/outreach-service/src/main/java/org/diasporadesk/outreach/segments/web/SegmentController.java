package org.diasporadesk.outreach.segments.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineCalls;
import org.diasporadesk.outreach.recipients.application.Audience;
import org.diasporadesk.outreach.segments.application.Segment;
import org.diasporadesk.outreach.segments.application.SegmentCatalogue;
import org.diasporadesk.outreach.segments.application.SegmentCatalogue.Preview;
import org.diasporadesk.outreach.segments.application.SegmentCriteria;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Segments", description = "Who a campaign reaches: consenting migrants, their families at home or both, "
        + "selected by where they are from and where the migrants live.")
@RestController
class SegmentController {

    private final SegmentCatalogue catalogue;

    SegmentController(SegmentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The criteria as a coordinator writes them; every list is optional and narrows when given. {@code audience}:
     * MIGRANTS (the default), FAMILIES at home, or EVERYONE; for families, destination countries and stages are
     * their migrants'.
     */
    record CriteriaRequest(@Size(max = 50) Set<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> destinationCountries,
            Set<Sex> sexes, Set<AgeBand> ageBands, Set<LifecycleStage> lifecycleStages,
            @Size(max = 20) Set<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag") String> languages,
            @Size(max = 100) String occupation, @Size(max = 20) Set<@NotBlank @Size(max = 100) String> skills,
            @Valid CalledHotlineRequest calledHotline, Audience audience, Set<FamilyRelation> relations) {

        SegmentCriteria criteria() {
            return new SegmentCriteria(destinationCountries, sexes, ageBands, lifecycleStages, languages, occupation,
                    skills, calledHotline == null ? null : calledHotline.calls(), audience, relations);
        }
    }

    /** People who called the hotline about one of the topics (any, if none) within the last days. */
    record CalledHotlineRequest(@Size(max = 20) Set<@NotBlank @Size(max = 100) String> topics,
            @NotNull @Min(1) @Max(HotlineCalls.LONGEST_DAYS) Integer withinDays) {

        HotlineCalls calls() {
            return new HotlineCalls(topics, withinDays);
        }
    }

    record SegmentRequest(@NotBlank @Size(max = 200) String name, @NotBlank String area,
            @Valid CriteriaRequest criteria) {
    }

    record PreviewRequest(@NotBlank String area, @Valid CriteriaRequest criteria) {
    }

    record SegmentView(Segment segment, Preview reach) {
    }

    @Operation(summary = "Define a segment",
            description = "Saves a selection of consenting migrants (by home area, destination and the other "
                    + "criteria of the request) for campaigns to use.",
            responses = @ApiResponse(responseCode = "201", description = "The segment was saved; `Location` names it."))
    @PostMapping("/segments")
    ResponseEntity<SegmentView> define(@Valid @RequestBody SegmentRequest request, @AuthenticationPrincipal Jwt jwt) {
        Actor coordinator = Actor.from(jwt);
        SegmentCriteria criteria = criteria(request.criteria());
        Segment segment = catalogue.define(request.name(), request.area(), criteria, coordinator);
        return ResponseEntity.created(URI.create("/segments/" + segment.id()))
            .body(new SegmentView(segment, catalogue.preview(segment.area(), criteria, coordinator)));
    }

    @Operation(summary = "Preview a segment's reach",
            description = "How many people a segment would reach, per language and channel, before it is saved or a "
                    + "campaign goes out.")
    @PostMapping("/segments/preview")
    Preview preview(@Valid @RequestBody PreviewRequest request, @AuthenticationPrincipal Jwt jwt) {
        return catalogue.preview(request.area(), criteria(request.criteria()), Actor.from(jwt));
    }

    @Operation(summary = "Read a segment",
            description = "The segment and its criteria.")
    @GetMapping("/segments/{id}")
    SegmentView find(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Actor coordinator = Actor.from(jwt);
        Segment segment = catalogue.find(id, coordinator);
        return new SegmentView(segment, catalogue.preview(segment.area(), segment.criteria(), coordinator));
    }

    @Operation(summary = "List segments",
            description = "The segments of the coordinator's area.")
    @GetMapping("/segments")
    List<Segment> visible(@AuthenticationPrincipal Jwt jwt) {
        return catalogue.visibleTo(Actor.from(jwt));
    }

    private static SegmentCriteria criteria(CriteriaRequest request) {
        return request == null ? SegmentCriteria.everyone() : request.criteria();
    }
}
