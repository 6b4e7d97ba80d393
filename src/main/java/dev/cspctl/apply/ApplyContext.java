package dev.cspctl.apply;

import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.spec.PublishSettings;
import java.time.Duration;

/**
 * What steps need: the two clients, the uids of the live state the plan was made from, where to
 * publish, and how long to wait for the CMS variant group sync.
 */
record ApplyContext(
    PersonalizePort personalize,
    CmaPort cma,
    LiveUids live,
    PublishSettings publish,
    Duration cmsTimeout,
    Duration cmsFirstPoll) {}
