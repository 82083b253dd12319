package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Event;

/** The hospital information feature's events, all of them. */
public sealed interface HospitalEvent extends Event permits
        ArticleRemoved,
        ArticleSaved,
        CampusRemoved,
        CampusSaved,
        HospitalIntroductionSaved,
        VisitGuideRemoved,
        VisitGuideSaved {
}
