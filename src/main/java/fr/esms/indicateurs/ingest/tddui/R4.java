package fr.esms.indicateurs.ingest.tddui;

import java.util.Set;
import java.util.regex.Pattern;

/** What tells a FHIR R4 (4.0.1) resource from anything else: its resource types and Bundle types. */
final class R4 {

    /** The 146 concrete resource types of FHIR R4 4.0.1; R5-only types ({@code Transport}...) are not in it. */
    static final Set<String> RESOURCE_TYPES = Set.of("Account", "ActivityDefinition", "AdverseEvent",
            "AllergyIntolerance", "Appointment", "AppointmentResponse", "AuditEvent", "Basic", "Binary",
            "BiologicallyDerivedProduct", "BodyStructure", "Bundle", "CapabilityStatement", "CarePlan", "CareTeam",
            "CatalogEntry", "ChargeItem", "ChargeItemDefinition", "Claim", "ClaimResponse", "ClinicalImpression",
            "CodeSystem", "Communication", "CommunicationRequest", "CompartmentDefinition", "Composition",
            "ConceptMap", "Condition", "Consent", "Contract", "Coverage", "CoverageEligibilityRequest",
            "CoverageEligibilityResponse", "DetectedIssue", "Device", "DeviceDefinition", "DeviceMetric",
            "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentManifest", "DocumentReference",
            "EffectEvidenceSynthesis", "Encounter", "Endpoint", "EnrollmentRequest", "EnrollmentResponse",
            "EpisodeOfCare", "EventDefinition", "Evidence", "EvidenceVariable", "ExampleScenario",
            "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal", "GraphDefinition", "Group",
            "GuidanceResponse", "HealthcareService", "ImagingStudy", "Immunization", "ImmunizationEvaluation",
            "ImmunizationRecommendation", "ImplementationGuide", "InsurancePlan", "Invoice", "Library", "Linkage",
            "List", "Location", "Measure", "MeasureReport", "Media", "Medication", "MedicationAdministration",
            "MedicationDispense", "MedicationKnowledge", "MedicationRequest", "MedicationStatement",
            "MedicinalProduct", "MedicinalProductAuthorization", "MedicinalProductContraindication",
            "MedicinalProductIndication", "MedicinalProductIngredient", "MedicinalProductInteraction",
            "MedicinalProductManufactured", "MedicinalProductPackaged", "MedicinalProductPharmaceutical",
            "MedicinalProductUndesirableEffect", "MessageDefinition", "MessageHeader", "MolecularSequence",
            "NamingSystem", "NutritionOrder", "Observation", "ObservationDefinition", "OperationDefinition",
            "OperationOutcome", "Organization", "OrganizationAffiliation", "Parameters", "Patient", "PaymentNotice",
            "PaymentReconciliation", "Person", "PlanDefinition", "Practitioner", "PractitionerRole", "Procedure",
            "Provenance", "Questionnaire", "QuestionnaireResponse", "RelatedPerson", "RequestGroup",
            "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ResearchSubject", "RiskAssessment",
            "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
            "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance",
            "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
            "SubstanceSourceMaterial", "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task",
            "TerminologyCapabilities", "TestReport", "TestScript", "ValueSet", "VerificationResult",
            "VisionPrescription");

    static final Set<String> BUNDLE_TYPES = Set.of("document", "message", "transaction", "transaction-response",
            "batch", "batch-response", "history", "searchset", "collection");

    /** The Bundle types that carry resources to take in (the guide's is {@code transaction}). */
    static final Set<String> READ_BUNDLE_TYPES = Set.of("transaction", "batch", "collection", "searchset");

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z-]{0,63}");

    private R4() {
    }

    /** A type or code as it may be shown in a message: only when it cannot carry anything but a name. */
    static String shown(String value) {
        return value != null && TYPE_NAME.matcher(value).matches() ? "« " + value + " »" : "(illisible)";
    }
}
