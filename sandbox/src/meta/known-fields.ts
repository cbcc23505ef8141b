/**
 * Field names Meta defines on each node type (facebook-nodejs-business-sdk 24.0.1 `Fields`).
 * Asking for a name outside the list is an error; a listed name the sandbox does not model is
 * simply absent from the answer, as Meta omits fields that have no value.
 */
export const CAMPAIGN_FIELDS: ReadonlySet<string> = new Set(
  ("account_id adlabels advantage_state_info bid_strategy boosted_object_id brand_lift_studies budget_rebalance_flag " +
    "budget_remaining buying_type campaign_group_active_time can_create_brand_lift_study can_use_spend_cap " +
    "configured_status created_time daily_budget effective_status has_secondary_skadnetwork_reporting id " +
    "is_adset_budget_sharing_enabled is_budget_schedule_enabled is_direct_send_campaign is_message_campaign " +
    "is_skadnetwork_attribution issues_info last_budget_toggling_time lifetime_budget name objective pacing_type " +
    "primary_attribution promoted_object recommendations smart_promotion_type source_campaign source_campaign_id " +
    "source_recommendation_type special_ad_categories special_ad_category special_ad_category_country spend_cap " +
    "start_time status stop_time topline_id updated_time").split(" "),
);

export const AD_ACCOUNT_FIELDS: ReadonlySet<string> = new Set(
  ("account_id account_status ad_account_promotable_objects age agency_client_declaration all_capabilities amount_spent " +
    "attribution_spec balance brand_safety_content_filter_levels business business_city business_country_code " +
    "business_name business_state business_street business_street2 business_zip can_create_brand_lift_study " +
    "capabilities created_time currency custom_audience_info default_dsa_beneficiary default_dsa_payor disable_reason " +
    "end_advertiser end_advertiser_name existing_customers expired_funding_source_details extended_credit_invoice_group " +
    "failed_delivery_checks fb_entity funding_source funding_source_details has_migrated_permissions " +
    "has_page_authorized_adaccount id io_number is_attribution_spec_system_default is_ba_skip_delayed_eligible " +
    "is_direct_deals_enabled is_in_3ds_authorization_enabled_market is_notifications_enabled is_personal " +
    "is_prepay_account is_tax_id_required liable_address line_numbers media_agency min_campaign_group_spend_cap " +
    "min_daily_budget name offsite_pixels_tos_accepted opportunity_score owner owner_business partner rf_spec " +
    "send_bill_to_address show_checkout_experience sold_to_address spend_cap tax_id tax_id_status tax_id_type " +
    "timezone_id timezone_name timezone_offset_hours_utc tos_accepted user_access_expire_time user_tasks " +
    "user_tos_accepted viewable_business").split(" "),
);

export const AD_LABEL_FIELDS: ReadonlySet<string> = new Set(["account", "created_time", "id", "name", "updated_time"]);

const words = (s: string): ReadonlySet<string> => new Set(s.split(" "));

export const ADSET_FIELDS: ReadonlySet<string> = words(
  "account_id adlabels adset_schedule anchor_event_attribution_window_days asset_feed_id attribution_spec automatic_manual_state " +
    "bid_adjustments bid_amount bid_constraints bid_info bid_strategy billing_event brand_safety_config budget_remaining campaign " +
    "campaign_active_time campaign_attribution campaign_id configured_status created_time creative_sequence " +
    "creative_sequence_repetition_pattern daily_budget daily_min_spend_target daily_spend_cap destination_type dsa_beneficiary " +
    "dsa_payor effective_status end_time existing_customer_budget_percentage frequency_control_specs full_funnel_exploration_mode " +
    "id instagram_user_id is_ba_skip_delayed_eligible is_budget_schedule_enabled is_dynamic_creative " +
    "is_incremental_attribution_enabled issues_info learning_stage_info lifetime_budget lifetime_imps lifetime_min_spend_target " +
    "lifetime_spend_cap max_budget_spend_percentage min_budget_spend_percentage multi_optimization_goal_weight name " +
    "optimization_goal optimization_sub_event pacing_type placement_soft_opt_out promoted_object recommendations " +
    "recurring_budget_semantics regional_regulated_categories regional_regulation_identities review_feedback rf_prediction_id " +
    "source_adset source_adset_id start_time status targeting targeting_optimization_types time_based_ad_rotation_id_blocks " +
    "time_based_ad_rotation_intervals trending_topics_spec updated_time use_new_app_click value_rule_set_id value_rules_applied",
);

export const AD_FIELDS: ReadonlySet<string> = words(
  "account_id ad_active_time ad_review_feedback ad_schedule_end_time ad_schedule_start_time adlabels adset adset_id bid_amount " +
    "bid_info bid_type campaign campaign_id configured_status conversion_domain conversion_specs created_time creative " +
    "creative_asset_groups_spec demolink_hash display_sequence effective_status engagement_audience failed_delivery_checks id " +
    "issues_info last_updated_by_app_id name placement preview_shareable_link priority recommendations source_ad source_ad_id " +
    "status targeting tracking_and_conversion_with_defaults tracking_specs updated_time",
);

export const AD_CREATIVE_FIELDS: ReadonlySet<string> = words(
  "account_id actor_id ad_disclaimer_spec adlabels applink_treatment asset_feed_spec authorization_category auto_update body " +
    "branded_content branded_content_sponsor_page_id bundle_folder_id call_to_action call_to_action_type categorization_criteria " +
    "category_media_source collaborative_ads_lsb_image_bank_id contextual_multi_ads creative_sourcing_spec degrees_of_freedom_spec " +
    "destination_set_id destination_spec dynamic_ad_voice effective_authorization_category effective_instagram_media_id " +
    "effective_object_story_id enable_direct_install enable_launch_instant_app facebook_branded_content format_transformation_spec " +
    "id image_crops image_hash image_url instagram_branded_content instagram_permalink_url instagram_user_id " +
    "interactive_components_spec link_deep_link_url link_destination_display_url link_og_id link_url media_sourcing_spec " +
    "messenger_sponsored_message name object_id object_store_url object_story_id object_story_spec object_type object_url " +
    "omnichannel_link_spec page_welcome_message photo_album_source_object_story_id place_page_set_id platform_customizations " +
    "playable_asset_id portrait_customizations product_data product_set_id recommender_settings " +
    "regional_regulation_disclaimer_spec source_facebook_post_id source_instagram_media_id status template_url template_url_spec " +
    "thumbnail_id thumbnail_url title url_tags use_page_actor_override video_id",
);

/** `Targeting` fields; a targeting spec naming anything else is refused. */
export const TARGETING_FIELDS: ReadonlySet<string> = words(
  "adgroup_id age_max age_min age_range alternate_auto_targeting_option app_install_state audience_network_positions behaviors " +
    "brand_safety_content_filter_levels catalog_based_targeting cities college_years connections " +
    "contextual_targeting_categories countries country country_groups custom_audiences device_platforms direct_install_devices " +
    "dynamic_audience_ids education_majors education_schools education_statuses effective_audience_network_positions " +
    "effective_device_platforms effective_facebook_positions effective_instagram_positions effective_messenger_positions " +
    "effective_publisher_platforms effective_threads_positions engagement_specs ethnic_affinity exclude_reached_since " +
    "excluded_brand_safety_content_types excluded_connections excluded_custom_audiences excluded_dynamic_audience_ids " +
    "excluded_engagement_specs excluded_geo_locations excluded_mobile_device_model excluded_product_audience_specs " +
    "excluded_publisher_categories excluded_publisher_list_ids excluded_user_device exclusions facebook_positions family_statuses " +
    "fb_deal_id flexible_spec friends_of_connections genders generation geo_locations home_ownership home_type home_value " +
    "household_composition income industries instagram_positions instream_video_skippable_excluded interested_in interests " +
    "is_whatsapp_destination_ad keywords life_events locales messenger_positions moms net_worth office_type place_page_set_ids " +
    "political_views politics product_audience_specs prospecting_audience publisher_platforms radius regions relationship_statuses " +
    "site_category targeting_automation targeting_optimization targeting_relaxation_types threads_positions user_adclusters " +
    "user_device user_event user_os wireless_carrier work_employers work_positions zips",
);

/** `TargetingGeoLocation` fields. */
export const GEO_LOCATION_FIELDS: ReadonlySet<string> = words(
  "cities countries country_groups custom_locations electoral_districts geo_markets large_geo_areas location_cluster_ids " +
    "location_types medium_geo_areas metro_areas neighborhoods places political_districts regions small_geo_areas subcities " +
    "subneighborhoods zips",
);

/** `AdCreativeObjectStorySpec` fields. */
export const OBJECT_STORY_SPEC_FIELDS: ReadonlySet<string> = words(
  "instagram_user_id link_data page_id photo_data product_data template_data text_data video_data",
);

/** `AdCreativeLinkData` fields. */
export const LINK_DATA_FIELDS: ReadonlySet<string> = words(
  "ad_context additional_image_index app_link_spec attachment_style automated_product_tags boosted_product_set_id " +
    "branded_content_shared_to_sponsor_status branded_content_sponsor_page_id call_to_action caption child_attachments " +
    "collection_thumbnails customization_rules_spec description event_id force_single_link format_option image_crops image_hash " +
    "image_layer_specs image_overlay_spec is_local_expansion link message multi_share_end_card multi_share_optimized name offer_id " +
    "page_welcome_message picture post_click_configuration preferred_image_tags preferred_video_tags retailer_item_ids " +
    "show_multiple_images static_fallback_spec use_flexible_image_aspect_ratio",
);

/** `AdCreativeVideoData` fields. */
export const VIDEO_DATA_FIELDS: ReadonlySet<string> = words(
  "additional_image_index branded_content_shared_to_sponsor_status branded_content_sponsor_page_id call_to_action " +
    "collection_thumbnails customization_rules_spec image_hash image_url link_description message offer_id page_welcome_message " +
    "post_click_configuration retailer_item_ids targeting title video_id",
);

/** `AdCreativeLinkDataCallToActionValue` fields. */
export const CALL_TO_ACTION_VALUE_FIELDS: ReadonlySet<string> = words(
  "android_url app_destination app_link application event_id ios_url land_on_whatsapp_catalog land_on_whatsapp_profile " +
    "lead_gen_form_id link link_caption link_format object_store_urls page product_link whatsapp_number",
);
