using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bangfu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aud_chain",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_id = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    trimmed_through_id = table.Column<long>(type: "bigint", nullable: false),
                    trimmed_through_hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aud_chain", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aud_event",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    result = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    details = table.Column<string>(type: "text", nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    previous_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aud_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emp_employer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    type_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    managing_region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    contact_phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    contact_phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_employer", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emp_fair",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    venue_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    venue_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    organisers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    managing_region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_fair", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emp_follow_up",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    months_after_start = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    done_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    still_employed = table.Column<bool>(type: "boolean", nullable: true),
                    monthly_wage_fen = table.Column<long>(type: "bigint", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_follow_up", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_jobseeker",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    skill_occupation_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    skills_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    certificates = table.Column<List<string>>(type: "text[]", nullable: false),
                    wanted_occupation_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    expected_wage_min = table.Column<int>(type: "integer", nullable: true),
                    reach = table.Column<short>(type: "smallint", nullable: false),
                    must_be_home_daily = table.Column<bool>(type: "boolean", nullable: false),
                    training_wishes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    available_from = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_jobseeker", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recipient_phone_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    recipient_phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vacancy_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_outbox", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_placement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    monthly_wage_fen = table.Column<long>(type: "bigint", nullable: false),
                    workplace_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_placement", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_referral",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    job_title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<short>(type: "smallint", nullable: false),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    referred_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<short>(type: "smallint", nullable: true),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_referral", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    what = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    vacancy_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outbox_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_service", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_situation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_period = table.Column<int>(type: "integer", nullable: false),
                    to_period = table.Column<int>(type: "integer", nullable: true),
                    in_labour_force = table.Column<bool>(type: "boolean", nullable: false),
                    employed = table.Column<bool>(type: "boolean", nullable: false),
                    workplace = table.Column<short>(type: "smallint", nullable: false),
                    workshop = table.Column<bool>(type: "boolean", nullable: false),
                    public_welfare_job = table.Column<bool>(type: "boolean", nullable: false),
                    self_employed = table.Column<bool>(type: "boolean", nullable: false),
                    willing_to_work = table.Column<bool>(type: "boolean", nullable: true),
                    willing_to_work_away = table.Column<bool>(type: "boolean", nullable: true),
                    workplace_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    months_worked = table.Column<int>(type: "integer", nullable: true),
                    returned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_situation", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_transport_batch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organiser_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organiser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    travel_date = table.Column<DateOnly>(type: "date", nullable: false),
                    origin_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    destination_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mode = table.Column<short>(type: "smallint", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    cost_fen = table.Column<long>(type: "bigint", nullable: true),
                    paid_by = table.Column<short>(type: "smallint", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    booked = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    departed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    arrived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_transport_batch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emp_transport_passenger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booked_date = table.Column<DateOnly>(type: "date", nullable: true),
                    boarded = table.Column<bool>(type: "boolean", nullable: false),
                    arrived_on = table.Column<DateOnly>(type: "date", nullable: true),
                    arrival_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    arrival_confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_transport_passenger", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "emp_village_month",
                columns: table => new
                {
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_village_month", x => new { x.county_code, x.region_code, x.period });
                });

            migrationBuilder.CreateTable(
                name: "idn_role",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_user",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    must_change_password = table.Column<bool>(type: "boolean", nullable: false),
                    password_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_household",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    monitoring_type_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    risk_cleared = table.Column<bool>(type: "boolean", nullable: true),
                    risk_cleared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_household", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reg_person_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    old_value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    new_value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_person_change", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reg_quality_issue",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    column_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_quality_issue", x => new { x.county_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reg_region",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    level = table.Column<short>(type: "smallint", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    plain_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    edition = table.Column<int>(type: "integer", nullable: false),
                    retired_in_edition = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_region", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "reg_roster_import",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_size = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    period = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    persons_new = table.Column<int>(type: "integer", nullable: false),
                    persons_updated = table.Column<int>(type: "integer", nullable: false),
                    persons_unchanged = table.Column<int>(type: "integer", nullable: false),
                    rows_refused = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    warnings = table.Column<int>(type: "integer", nullable: false),
                    households_new = table.Column<int>(type: "integer", nullable: false),
                    file_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_roster_import", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emp_vacancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occupation_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    wage_min = table.Column<int>(type: "integer", nullable: false),
                    wage_max = table.Column<int>(type: "integer", nullable: false),
                    workplace_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    workplace_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    age_min = table.Column<int>(type: "integer", nullable: true),
                    age_max = table.Column<int>(type: "integer", nullable: true),
                    education_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    skills = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    health_requirement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    shifts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    housing_provided = table.Column<bool>(type: "boolean", nullable: false),
                    meals_provided = table.Column<bool>(type: "boolean", nullable: false),
                    suitable_for_rural_labour = table.Column<bool>(type: "boolean", nullable: false),
                    home_daily = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filled_count = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    managing_region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    source = table.Column<short>(type: "smallint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_vacancy", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_vacancy_emp_employer_employer_id",
                        column: x => x.employer_id,
                        principalTable: "emp_employer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emp_fair_attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_fair_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_fair_attendance_job_fair_fair_id",
                        column: x => x.fair_id,
                        principalTable: "emp_fair",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emp_fair_employer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booth = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_fair_employer", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_fair_employer_emp_employer_employer_id",
                        column: x => x.employer_id,
                        principalTable: "emp_employer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_emp_fair_employer_job_fair_fair_id",
                        column: x => x.fair_id,
                        principalTable: "emp_fair",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_role_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_role_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_role_claim_idn_role_role_id",
                        column: x => x.role_id,
                        principalTable: "idn_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_access_token",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    permissions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_access_token", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_access_token_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_password_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_password_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_password_history_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_session", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_session_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_user_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_user_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_user_claim_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_user_login",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_user_login", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_idn_user_login_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_user_role",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_idn_user_role_idn_role_role_id",
                        column: x => x.role_id,
                        principalTable: "idn_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_idn_user_role_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_user_token",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_user_token", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_idn_user_token_idn_user_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reg_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    document_type_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    id_converted_from15 = table.Column<bool>(type: "boolean", nullable: false),
                    ethnicity_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    record_year = table.Column<int>(type: "integer", nullable: true),
                    relationship_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    education_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    school_status_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    labour_capacity_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    months_worked = table.Column<int>(type: "integer", nullable: true),
                    health_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    political_status_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    minimum_living_allowance = table.Column<bool>(type: "boolean", nullable: true),
                    urban_employee_pension = table.Column<bool>(type: "boolean", nullable: true),
                    serious_illness_insurance = table.Column<bool>(type: "boolean", nullable: true),
                    resident_medical_insurance = table.Column<bool>(type: "boolean", nullable: true),
                    resident_pension = table.Column<bool>(type: "boolean", nullable: true),
                    dropout_reason_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    speaks_mandarin = table.Column<bool>(type: "boolean", nullable: true),
                    commercial_medical_insurance = table.Column<bool>(type: "boolean", nullable: true),
                    works_abroad = table.Column<bool>(type: "boolean", nullable: true),
                    industry_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    serious_illness_medical_assistance = table.Column<bool>(type: "boolean", nullable: true),
                    other_health_assistance = table.Column<bool>(type: "boolean", nullable: true),
                    public_welfare_job_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    public_welfare_job_months = table.Column<int>(type: "integer", nullable: true),
                    employment_channel_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    disability_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    workplace_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    workplace_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    urban_employee_medical_insurance = table.Column<bool>(type: "boolean", nullable: true),
                    extreme_poverty_support = table.Column<bool>(type: "boolean", nullable: true),
                    disability_certificate_year = table.Column<int>(type: "integer", nullable: true),
                    identification_standard_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    record_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    last_import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_person", x => new { x.county_code, x.id });
                    table.ForeignKey(
                        name: "fk_reg_person_reg_household_county_code_household_id",
                        columns: x => new { x.county_code, x.household_id },
                        principalTable: "reg_household",
                        principalColumns: new[] { "county_code", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reg_roster_import_issue",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    column_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    severity = table.Column<short>(type: "smallint", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_roster_import_issue", x => x.id);
                    table.ForeignKey(
                        name: "fk_reg_roster_import_issue_roster_import_record_import_id",
                        column: x => x.import_id,
                        principalTable: "reg_roster_import",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emp_fair_vacancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_fair_vacancy", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_fair_vacancy_job_fair_fair_id",
                        column: x => x.fair_id,
                        principalTable: "emp_fair",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_emp_fair_vacancy_vacancy_vacancy_id",
                        column: x => x.vacancy_id,
                        principalTable: "emp_vacancy",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emp_vacancy_interest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    id_number_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_vacancy_interest", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_vacancy_interest_vacancy_vacancy_id",
                        column: x => x.vacancy_id,
                        principalTable: "emp_vacancy",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emp_fair_intention",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    hired = table.Column<bool>(type: "boolean", nullable: false),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emp_fair_intention", x => x.id);
                    table.ForeignKey(
                        name: "fk_emp_fair_intention_emp_fair_attendance_attendance_id",
                        column: x => x.attendance_id,
                        principalTable: "emp_fair_attendance",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_emp_fair_intention_job_fair_fair_id",
                        column: x => x.fair_id,
                        principalTable: "emp_fair",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_emp_fair_intention_vacancy_vacancy_id",
                        column: x => x.vacancy_id,
                        principalTable: "emp_vacancy",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reg_household_membership",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_household_membership", x => new { x.county_code, x.id });
                    table.ForeignKey(
                        name: "fk_reg_household_membership_reg_household_county_code_househol",
                        columns: x => new { x.county_code, x.household_id },
                        principalTable: "reg_household",
                        principalColumns: new[] { "county_code", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reg_household_membership_reg_person_county_code_person_id",
                        columns: x => new { x.county_code, x.person_id },
                        principalTable: "reg_person",
                        principalColumns: new[] { "county_code", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aud_event_at",
                table: "aud_event",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_aud_event_user_name_at",
                table: "aud_event",
                columns: new[] { "user_name", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_employer_credit_code",
                table: "emp_employer",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_employer_managing_region_code_name",
                table: "emp_employer",
                columns: new[] { "managing_region_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_managing_region_code_date",
                table: "emp_fair",
                columns: new[] { "managing_region_code", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_name_date_venue_region_code",
                table: "emp_fair",
                columns: new[] { "name", "date", "venue_region_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_attendance_fair_id_id_number_hash",
                table: "emp_fair_attendance",
                columns: new[] { "fair_id", "id_number_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_attendance_region_code",
                table: "emp_fair_attendance",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_employer_employer_id",
                table: "emp_fair_employer",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_employer_fair_id_employer_id",
                table: "emp_fair_employer",
                columns: new[] { "fair_id", "employer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_intention_attendance_id_vacancy_id",
                table: "emp_fair_intention",
                columns: new[] { "attendance_id", "vacancy_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_intention_fair_id",
                table: "emp_fair_intention",
                column: "fair_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_intention_region_code",
                table: "emp_fair_intention",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_intention_vacancy_id",
                table: "emp_fair_intention",
                column: "vacancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_vacancy_fair_id_vacancy_id",
                table: "emp_fair_vacancy",
                columns: new[] { "fair_id", "vacancy_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_fair_vacancy_vacancy_id",
                table: "emp_fair_vacancy",
                column: "vacancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_follow_up_county_code_placement_id_months_after_start",
                table: "emp_follow_up",
                columns: new[] { "county_code", "placement_id", "months_after_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_follow_up_region_code_due_on",
                table: "emp_follow_up",
                columns: new[] { "region_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_jobseeker_county_code_person_id",
                table: "emp_jobseeker",
                columns: new[] { "county_code", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_jobseeker_region_code",
                table: "emp_jobseeker",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_emp_outbox_region_code_created_at",
                table: "emp_outbox",
                columns: new[] { "region_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_outbox_state_created_at",
                table: "emp_outbox",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_placement_county_code_person_id",
                table: "emp_placement",
                columns: new[] { "county_code", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_placement_region_code_start_date",
                table: "emp_placement",
                columns: new[] { "region_code", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_referral_county_code_person_id",
                table: "emp_referral",
                columns: new[] { "county_code", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_referral_county_code_person_id_vacancy_id",
                table: "emp_referral",
                columns: new[] { "county_code", "person_id", "vacancy_id" },
                unique: true,
                filter: "source = 3");

            migrationBuilder.CreateIndex(
                name: "ix_emp_referral_region_code_referred_on",
                table: "emp_referral",
                columns: new[] { "region_code", "referred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_referral_vacancy_id",
                table: "emp_referral",
                column: "vacancy_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_service_county_code_person_id_date",
                table: "emp_service",
                columns: new[] { "county_code", "person_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_service_region_code_date",
                table: "emp_service",
                columns: new[] { "region_code", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_situation_county_code_person_id_from_period",
                table: "emp_situation",
                columns: new[] { "county_code", "person_id", "from_period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_situation_region_code_from_period",
                table: "emp_situation",
                columns: new[] { "region_code", "from_period" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_batch_organiser_region_code_travel_date",
                table: "emp_transport_batch",
                columns: new[] { "organiser_region_code", "travel_date" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_batch_travel_date",
                table: "emp_transport_batch",
                column: "travel_date");

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_passenger_batch_id",
                table: "emp_transport_passenger",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_passenger_county_code_batch_id_person_id",
                table: "emp_transport_passenger",
                columns: new[] { "county_code", "batch_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_passenger_county_code_person_id_booked_date",
                table: "emp_transport_passenger",
                columns: new[] { "county_code", "person_id", "booked_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_transport_passenger_region_code_arrived_on",
                table: "emp_transport_passenger",
                columns: new[] { "region_code", "arrived_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_employer_id_title_workplace_region_code_occupat",
                table: "emp_vacancy",
                columns: new[] { "employer_id", "title", "workplace_region_code", "occupation_code" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_managing_region_code_state",
                table: "emp_vacancy",
                columns: new[] { "managing_region_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_state_occupation_code_expires_on",
                table: "emp_vacancy",
                columns: new[] { "state", "occupation_code", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_state_published_at",
                table: "emp_vacancy",
                columns: new[] { "state", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_state_workplace_region_code_expires_on",
                table: "emp_vacancy",
                columns: new[] { "state", "workplace_region_code", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_interest_region_code_state",
                table: "emp_vacancy_interest",
                columns: new[] { "region_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_emp_vacancy_interest_vacancy_id_phone_hash",
                table: "emp_vacancy_interest",
                columns: new[] { "vacancy_id", "phone_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emp_village_month_period_region_code",
                table: "emp_village_month",
                columns: new[] { "period", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_access_token_secret_hash",
                table: "idn_access_token",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_access_token_user_id",
                table: "idn_access_token",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_password_history_user_id_replaced_at",
                table: "idn_password_history",
                columns: new[] { "user_id", "replaced_at" });

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "idn_role",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_role_claim_role_id",
                table: "idn_role_claim",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_session_key_hash",
                table: "idn_session",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_session_user_id_ended_at",
                table: "idn_session",
                columns: new[] { "user_id", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "idn_user",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "idn_user",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_user_claim_user_id",
                table: "idn_user_claim",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_user_login_user_id",
                table: "idn_user_login",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_user_role_role_id",
                table: "idn_user_role",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_reg_household_county_code_household_number",
                table: "reg_household",
                columns: new[] { "county_code", "household_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reg_household_region_code",
                table: "reg_household",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_reg_household_membership_county_code_household_id",
                table: "reg_household_membership",
                columns: new[] { "county_code", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_household_membership_county_code_person_id_valid_from",
                table: "reg_household_membership",
                columns: new[] { "county_code", "person_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_county_code_household_id",
                table: "reg_person",
                columns: new[] { "county_code", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_county_code_id_number_hash",
                table: "reg_person",
                columns: new[] { "county_code", "id_number_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_id",
                table: "reg_person",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_id_number_hash",
                table: "reg_person",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_person_number",
                table: "reg_person",
                column: "person_number");

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_region_code_household_id",
                table: "reg_person",
                columns: new[] { "region_code", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_person_change_county_code_person_id_changed_at",
                table: "reg_person_change",
                columns: new[] { "county_code", "person_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_quality_issue_county_code_person_id_state",
                table: "reg_quality_issue",
                columns: new[] { "county_code", "person_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_quality_issue_region_code_state_rule_code",
                table: "reg_quality_issue",
                columns: new[] { "region_code", "state", "rule_code" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_region_parent_code",
                table: "reg_region",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_reg_region_plain_name",
                table: "reg_region",
                column: "plain_name");

            migrationBuilder.CreateIndex(
                name: "ix_reg_roster_import_file_sha256",
                table: "reg_roster_import",
                column: "file_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_reg_roster_import_region_code_created_at",
                table: "reg_roster_import",
                columns: new[] { "region_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_roster_import_issue_import_id_severity_row_number",
                table: "reg_roster_import_issue",
                columns: new[] { "import_id", "severity", "row_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aud_chain");

            migrationBuilder.DropTable(
                name: "aud_event");

            migrationBuilder.DropTable(
                name: "emp_fair_employer");

            migrationBuilder.DropTable(
                name: "emp_fair_intention");

            migrationBuilder.DropTable(
                name: "emp_fair_vacancy");

            migrationBuilder.DropTable(
                name: "emp_follow_up");

            migrationBuilder.DropTable(
                name: "emp_jobseeker");

            migrationBuilder.DropTable(
                name: "emp_outbox");

            migrationBuilder.DropTable(
                name: "emp_placement");

            migrationBuilder.DropTable(
                name: "emp_referral");

            migrationBuilder.DropTable(
                name: "emp_service");

            migrationBuilder.DropTable(
                name: "emp_situation");

            migrationBuilder.DropTable(
                name: "emp_transport_batch");

            migrationBuilder.DropTable(
                name: "emp_transport_passenger");

            migrationBuilder.DropTable(
                name: "emp_vacancy_interest");

            migrationBuilder.DropTable(
                name: "emp_village_month");

            migrationBuilder.DropTable(
                name: "idn_access_token");

            migrationBuilder.DropTable(
                name: "idn_password_history");

            migrationBuilder.DropTable(
                name: "idn_role_claim");

            migrationBuilder.DropTable(
                name: "idn_session");

            migrationBuilder.DropTable(
                name: "idn_user_claim");

            migrationBuilder.DropTable(
                name: "idn_user_login");

            migrationBuilder.DropTable(
                name: "idn_user_role");

            migrationBuilder.DropTable(
                name: "idn_user_token");

            migrationBuilder.DropTable(
                name: "reg_household_membership");

            migrationBuilder.DropTable(
                name: "reg_person_change");

            migrationBuilder.DropTable(
                name: "reg_quality_issue");

            migrationBuilder.DropTable(
                name: "reg_region");

            migrationBuilder.DropTable(
                name: "reg_roster_import_issue");

            migrationBuilder.DropTable(
                name: "emp_fair_attendance");

            migrationBuilder.DropTable(
                name: "emp_vacancy");

            migrationBuilder.DropTable(
                name: "idn_role");

            migrationBuilder.DropTable(
                name: "idn_user");

            migrationBuilder.DropTable(
                name: "reg_person");

            migrationBuilder.DropTable(
                name: "reg_roster_import");

            migrationBuilder.DropTable(
                name: "emp_fair");

            migrationBuilder.DropTable(
                name: "emp_employer");

            migrationBuilder.DropTable(
                name: "reg_household");
        }
    }
}
