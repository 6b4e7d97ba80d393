package dev.cspctl.apply;

import dev.cspctl.api.cma.BulkPublishQueue;
import dev.cspctl.api.cma.CmaPort;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.spec.PublishSettings;
import java.time.Duration;

/**
 * What steps need: the two clients, the uids of the live state the plan was made from, where to
 * publish, how long to wait for the CMS variant group sync, and the bulk publish queue the run's
 * publishes share.
 */
record ApplyContext(
    PersonalizePort personalize,
    CmaPort cma,
    LiveUids live,
    PublishSettings publish,
    Duration cmsTimeout,
    Duration cmsFirstPoll,
    BulkPublishQueue bulk) {}
