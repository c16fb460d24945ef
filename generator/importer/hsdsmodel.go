package importer

// The HSDS 3.0 fields abri reads. A file may nest organizations in
// services (HSDS's compiled service) or services in organizations.

type hsdsService struct {
	ID                     string          `json:"id"`
	Name                   string          `json:"name"`
	Description            string          `json:"description"`
	URL                    string          `json:"url"`
	Email                  string          `json:"email"`
	Status                 string          `json:"status"`
	ApplicationProcess     string          `json:"application_process"`
	FeesDescription        string          `json:"fees_description"`
	EligibilityDescription string          `json:"eligibility_description"`
	MinimumAge             *float64        `json:"minimum_age"`
	MaximumAge             *float64        `json:"maximum_age"`
	AssuredDate            string          `json:"assured_date"`
	Licenses               string          `json:"licenses"`
	Phones                 []hsdsPhone     `json:"phones"`
	Schedules              []hsdsSchedule  `json:"schedules"`
	ServiceAtLocations     []hsdsServiceAt `json:"service_at_locations"`
	Languages              []hsdsLanguage  `json:"languages"`
	Organization           *hsdsOrg        `json:"organization"`
	CostOptions            []hsdsCost      `json:"cost_options"`
	Attributes             []hsdsAttribute `json:"attributes"`
}

type hsdsOrg struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Email       string          `json:"email"`
	Website     string          `json:"website"`
	Attributes  []hsdsAttribute `json:"attributes"`
	Services    []hsdsService   `json:"services"` // when the file is of organizations
	Locations   []hsdsLocation  `json:"locations"`
}

type hsdsServiceAt struct {
	LocationID string         `json:"location_id"`
	Schedules  []hsdsSchedule `json:"schedules"`
	Location   *hsdsLocation  `json:"location"`
}

type hsdsLocation struct {
	ID                 string         `json:"id"`
	Name               string         `json:"name"`
	Latitude           *float64       `json:"latitude"`
	Longitude          *float64       `json:"longitude"`
	ExternalIdentifier string         `json:"external_identifier"`
	Languages          []hsdsLanguage `json:"languages"`
	Addresses          []struct {
		Address1    string `json:"address_1"`
		City        string `json:"city"`
		PostalCode  string `json:"postal_code"`
		Country     string `json:"country"`
		AddressType string `json:"address_type"`
	} `json:"addresses"`
	Accessibility []struct {
		Description string `json:"description"`
	} `json:"accessibility"`
	Phones    []hsdsPhone    `json:"phones"`
	Schedules []hsdsSchedule `json:"schedules"`
}

type hsdsPhone struct {
	Number string `json:"number"`
}

type hsdsLanguage struct {
	Code string `json:"code"`
}

type hsdsSchedule struct {
	ValidFrom   string `json:"valid_from"`
	ValidTo     string `json:"valid_to"`
	Freq        string `json:"freq"`
	Byday       string `json:"byday"`
	Description string `json:"description"`
	OpensAt     string `json:"opens_at"`
	ClosesAt    string `json:"closes_at"`
	Notes       string `json:"notes"`
}

type hsdsCost struct {
	Option string   `json:"option"`
	Amount *float64 `json:"amount"`
}

type hsdsAttribute struct {
	LinkType     string `json:"link_type"`
	Value        string `json:"value"`
	TaxonomyTerm *struct {
		Code     string `json:"code"`
		Name     string `json:"name"`
		Taxonomy string `json:"taxonomy"`
	} `json:"taxonomy_term"`
}
