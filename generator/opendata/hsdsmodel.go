package opendata

// The HSDS 3.0 objects abri fills, with the fields it can say, in the
// order of the standard's schema (schema/compiled/service.json). Optional
// fields are omitted when empty: HSDS reads a missing field as unknown.

type hsdsService struct {
	ID                     string            `json:"id"`
	OrganizationID         string            `json:"organization_id"`
	Name                   string            `json:"name"`
	Description            string            `json:"description,omitempty"`
	URL                    string            `json:"url,omitempty"`
	Email                  string            `json:"email,omitempty"`
	Status                 string            `json:"status"`
	ApplicationProcess     string            `json:"application_process,omitempty"`
	FeesDescription        string            `json:"fees_description,omitempty"`
	EligibilityDescription string            `json:"eligibility_description,omitempty"`
	MinimumAge             *int              `json:"minimum_age,omitempty"`
	MaximumAge             *int              `json:"maximum_age,omitempty"`
	AssuredDate            string            `json:"assured_date,omitempty"`
	Licenses               string            `json:"licenses,omitempty"`
	Phones                 []hsdsPhone       `json:"phones,omitempty"`
	Schedules              []hsdsSchedule    `json:"schedules,omitempty"`
	ServiceAtLocations     []hsdsServiceAt   `json:"service_at_locations,omitempty"`
	Languages              []hsdsLanguage    `json:"languages,omitempty"`
	Organization           *hsdsOrganization `json:"organization,omitempty"`
	CostOptions            []hsdsCostOption  `json:"cost_options,omitempty"`
	Attributes             []hsdsAttribute   `json:"attributes,omitempty"`
}

type hsdsOrganization struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Email       string          `json:"email,omitempty"`
	Website     string          `json:"website,omitempty"`
	Attributes  []hsdsAttribute `json:"attributes,omitempty"`
}

type hsdsServiceAt struct {
	ID          string         `json:"id"`
	ServiceID   string         `json:"service_id"`
	LocationID  string         `json:"location_id"`
	Description string         `json:"description,omitempty"`
	Schedules   []hsdsSchedule `json:"schedules,omitempty"`
	Location    *hsdsLocation  `json:"location,omitempty"`
}

type hsdsLocation struct {
	ID                     string              `json:"id"`
	LocationType           string              `json:"location_type"`
	OrganizationID         string              `json:"organization_id"`
	Name                   string              `json:"name"`
	Description            string              `json:"description,omitempty"`
	Latitude               *float64            `json:"latitude,omitempty"`
	Longitude              *float64            `json:"longitude,omitempty"`
	ExternalIdentifier     string              `json:"external_identifier,omitempty"`
	ExternalIdentifierType string              `json:"external_identifier_type,omitempty"`
	Languages              []hsdsLanguage      `json:"languages,omitempty"`
	Addresses              []hsdsAddress       `json:"addresses,omitempty"`
	Accessibility          []hsdsAccessibility `json:"accessibility,omitempty"`
	Phones                 []hsdsPhone         `json:"phones,omitempty"`
	Schedules              []hsdsSchedule      `json:"schedules,omitempty"`
}

type hsdsAddress struct {
	ID            string `json:"id"`
	LocationID    string `json:"location_id"`
	Address1      string `json:"address_1"`
	City          string `json:"city"`
	StateProvince string `json:"state_province"`
	PostalCode    string `json:"postal_code"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}

type hsdsAccessibility struct {
	ID          string `json:"id"`
	LocationID  string `json:"location_id"`
	Description string `json:"description"`
}

type hsdsPhone struct {
	ID         string `json:"id"`
	LocationID string `json:"location_id,omitempty"`
	ServiceID  string `json:"service_id,omitempty"`
	Number     string `json:"number"`
}

type hsdsLanguage struct {
	ID         string `json:"id"`
	ServiceID  string `json:"service_id,omitempty"`
	LocationID string `json:"location_id,omitempty"`
	Code       string `json:"code"`
}

// hsdsSchedule is one row of hours, iCalendar's RRULE in fields.
type hsdsSchedule struct {
	ID                  string `json:"id"`
	ServiceID           string `json:"service_id,omitempty"`
	LocationID          string `json:"location_id,omitempty"`
	ServiceAtLocationID string `json:"service_at_location_id,omitempty"`
	ValidFrom           string `json:"valid_from,omitempty"`
	ValidTo             string `json:"valid_to,omitempty"`
	Freq                string `json:"freq,omitempty"`
	Byday               string `json:"byday,omitempty"`
	Description         string `json:"description"`
	OpensAt             string `json:"opens_at,omitempty"`
	ClosesAt            string `json:"closes_at,omitempty"`
	Notes               string `json:"notes,omitempty"`
}

type hsdsCostOption struct {
	ID                string `json:"id"`
	ServiceID         string `json:"service_id"`
	Option            string `json:"option,omitempty"`
	Currency          string `json:"currency,omitempty"`
	Amount            *int   `json:"amount,omitempty"`
	AmountDescription string `json:"amount_description,omitempty"`
}

// hsdsAttribute links an object to a taxonomy term, with a value.
type hsdsAttribute struct {
	ID             string    `json:"id"`
	LinkID         string    `json:"link_id"`
	TaxonomyTermID string    `json:"taxonomy_term_id"`
	LinkType       string    `json:"link_type"`
	LinkEntity     string    `json:"link_entity"`
	Value          string    `json:"value,omitempty"`
	TaxonomyTerm   *hsdsTerm `json:"taxonomy_term,omitempty"`
}

type hsdsTerm struct {
	ID          string `json:"id"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	ParentID    string `json:"parent_id,omitempty"`
	Taxonomy    string `json:"taxonomy"`
	Language    string `json:"language,omitempty"`
	TaxonomyID  string `json:"taxonomy_id"`
}

type hsdsTaxonomy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	URI         string `json:"uri,omitempty"`
}
