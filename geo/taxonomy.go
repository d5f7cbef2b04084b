package geo

// ACLED event types and sub-event types, exact strings.
const (
	Battles                 = "Battles"
	ExplosionsRemote        = "Explosions/Remote violence"
	ViolenceCivilians       = "Violence against civilians"
	Protests                = "Protests"
	Riots                   = "Riots"
	StrategicDevelopments   = "Strategic developments"
	SubArmedClash           = "Armed clash"
	SubGovRegainsTerritory  = "Government regains territory"
	SubNonStateOvertakes    = "Non-state actor overtakes territory"
	SubChemicalWeapon       = "Chemical weapon"
	SubAirDroneStrike       = "Air/drone strike"
	SubSuicideBomb          = "Suicide bomb"
	SubShelling             = "Shelling/artillery/missile attack"
	SubRemoteExplosive      = "Remote explosive/landmine/IED"
	SubGrenade              = "Grenade"
	SubSexualViolence       = "Sexual violence"
	SubAttack               = "Attack"
	SubAbduction            = "Abduction/forced disappearance"
	SubPeacefulProtest      = "Peaceful protest"
	SubProtestIntervention  = "Protest with intervention"
	SubExcessiveForce       = "Excessive force against protesters"
	SubViolentDemonstration = "Violent demonstration"
	SubMobViolence          = "Mob violence"
	SubAgreement            = "Agreement"
	SubArrests              = "Arrests"
	SubChangeToGroup        = "Change to group/activity"
	SubDisruptedWeapons     = "Disrupted weapons use"
	SubHeadquarters         = "Headquarters or base established"
	SubLooting              = "Looting/property destruction"
	SubNonViolentTransfer   = "Non-violent transfer of territory"
	SubOther                = "Other"
)

// Taxonomy maps each ACLED event type to its sub-event types.
var Taxonomy = map[string][]string{
	Battles:               {SubArmedClash, SubGovRegainsTerritory, SubNonStateOvertakes},
	ExplosionsRemote:      {SubChemicalWeapon, SubAirDroneStrike, SubSuicideBomb, SubShelling, SubRemoteExplosive, SubGrenade},
	ViolenceCivilians:     {SubSexualViolence, SubAttack, SubAbduction},
	Protests:              {SubPeacefulProtest, SubProtestIntervention, SubExcessiveForce},
	Riots:                 {SubViolentDemonstration, SubMobViolence},
	StrategicDevelopments: {SubAgreement, SubArrests, SubChangeToGroup, SubDisruptedWeapons, SubHeadquarters, SubLooting, SubNonViolentTransfer, SubOther},
}

// EventTypeOf returns the event type a sub-event type belongs to, or "".
func EventTypeOf(sub string) string {
	for t, subs := range Taxonomy {
		for _, s := range subs {
			if s == sub {
				return t
			}
		}
	}
	return ""
}
