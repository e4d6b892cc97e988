package org.diasporadesk.hotline.callers.web;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.hotline.callers.application.CallerRecognition;
import org.diasporadesk.hotline.callers.application.CallerRecognition.Recognition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallerController {

    private final CallerRecognition recognition;

    CallerController(CallerRecognition recognition) {
        this.recognition = recognition;
    }

    /** Who may be calling from {@code phone} (any format), among the people of the agent's office area. */
    @GetMapping("/callers")
    Recognition recognise(@RequestParam String phone, @AuthenticationPrincipal Jwt jwt) {
        return recognition.recognise(phone, Actor.from(jwt));
    }
}
