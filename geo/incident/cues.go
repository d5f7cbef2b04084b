package incident

import "github.com/incidentmap/incidentmap/geo"

// Cue is one row of the event table: when one of Patterns matches inside a
// clause (and, if Requires is set, one of its words occurs in the
// sentence), the clause reports an event of sub-event type Sub. The highest
// Priority wins within a clause.
//
// A pattern is a sequence of steps separated by spaces; a step lists
// alternative lower-case words separated by "|"; "~N" lets up to N other
// tokens stand before the next step ("shot ~3 down" matches "shot two
// drones down"). The requirement "@place" is met by any place below country
// level named in the sentence.
type Cue struct {
	Sub      string
	Priority int
	Patterns []string
	Requires []string
}

// Word lists shared by several cues.
var (
	aerialWeapons = []string{"drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets",
		"shahed", "shaheds", "airborne", "aircraft", "projectile", "projectiles", "warplane", "warplanes",
		"jet", "jets", "helicopter", "helicopters", "kamikaze"}
	airStrikeWeapons = []string{"drone", "drones", "uav", "uavs", "shahed", "shaheds", "airstrike",
		"airstrikes", "warplane", "warplanes", "jets", "aircraft", "helicopter", "helicopters",
		"airborne", "kamikaze", "aerial", "bombs", "glide"}
	groundFire = []string{"missile", "missiles", "rocket", "rockets", "artillery", "shell",
		"shells", "mortar", "mortars", "shelling"}
	territory = []string{"@place", "village", "town", "city", "settlement", "territory", "area",
		"positions", "district", "locality", "region", "airport", "base", "hill", "hamlet"}
	civilianTargets = []string{"civilian", "civilians", "villager", "villagers", "resident",
		"residents", "worshippers", "farmers", "passengers", "herders", "displaced", "children",
		"women", "pupils", "students", "traders", "mourners", "village", "villages", "gunmen",
		"man", "woman", "boy", "girl", "elder", "elders", "journalist", "journalists", "teacher", "teachers",
		"student", "farmer", "trader", "driver", "drivers", "cleric", "chief", "resident", "shepherd", "worshipper",
		"bandits", "assailants", "armed"}
	forceWords = []string{"troops", "forces", "soldiers", "army", "units", "fighters", "militants", "rebels",
		"peacekeepers", "militia", "brigade", "battalion", "wagner", "contingent", "personnel"}
	handoverObjects = []string{"camp", "base", "town", "city", "territory", "control", "positions", "village",
		"area", "post", "bases", "camps", "outpost"}
	mobWords   = []string{"mob", "mobs", "angry", "irate", "enraged", "vigilante", "vigilantes", "lynch"}
	protesters = []string{"protest", "protests", "protesters", "protestors", "demonstrators",
		"demonstration", "demonstrations", "rally", "marchers", "crowd", "crowds"}
)

// DefaultCues is the event table: ACLED sub-event types with the words that
// report them. Shot-down or intercepted weapons outrank the strike words in
// the same clause, because the strike did not land.
//
// Territory: ACLED has two territorial sub-events. "Government regains
// territory" is used only when the text says the place was retaken
// (recaptured, regained, liberated); any other capture, including one state
// taking another state's village, is "Non-state actor overtakes territory",
// ACLED's only other territorial sub-event.
func DefaultCues() []Cue {
	return []Cue{
		{Sub: geo.SubSuicideBomb, Priority: 95, Patterns: []string{
			"suicide ~1 bomber|bombers|bombing|bombings|attack|attacks|attacker|attackers|blast|vest|car",
			"blew ~1 himself|herself|themselves ~1 up"}},
		{Sub: geo.SubChemicalWeapon, Priority: 92, Patterns: []string{
			"chemical ~1 weapon|weapons|attack|attacks|munitions|agent|agents|substances|substance", "sarin", "nerve agent",
			"chlorine ~1 gas|attack|bombs"}},
		{Sub: geo.SubDisruptedWeapons, Priority: 91, Patterns: []string{
			"defused|defuse|defuses|defusing|deactivated|neutralised|neutralized|dismantled|disarmed ~4 bomb|bombs|ied|ieds|device|devices|explosive|explosives|mine|mines|landmine|landmines|ordnance|munition|munitions|shell|shells|bomb-laden",
			"defused|defusing", "bomb ~1 disposal"}},
		{Sub: geo.SubAirDroneStrike, Priority: 81, Patterns: []string{
			"attacked|targeted|struck|hit|shelled|bombed|attack|attacks|strike|strikes ~6 with|using ~3 drone|drones|fpv|uav|uavs|aircraft|airstrikes|warplanes|helicopters|quadcopter|quadcopters",
			"fpv|quadcopter|quadcopters"}},
		{Sub: geo.SubShelling, Priority: 80, Patterns: []string{
			"attacked|targeted|struck|hit|attack|attacks|strike|strikes ~6 with|using ~3 artillery|mortars|mortar|rockets|mlrs|howitzers|tanks|missiles|grad",
			"mlrs|grad|grads"}},
		{Sub: geo.SubAirDroneStrike, Priority: 86, Requires: airStrikeWeapons, Patterns: []string{
			"dropped|drops|dropping|drop ~4 explosives|explosive|bomb|bombs|grenade|grenades|munition|munitions|charges|ordnance"}},
		{Sub: geo.SubNonViolentTransfer, Priority: 76, Patterns: []string{
			"handed|hand|hands|handing ~4 over", "handover|hand-over", "without ~1 fighting|resistance|a ~1 fight|clashes|bloodshed",
			"peacefully ~3 transferred|handed|withdrew", "transferred ~3 control"}},
		{Sub: geo.SubNonViolentTransfer, Priority: 76, Requires: handoverObjects, Patterns: []string{
			"handed|hands|handing|hand|ceded|cedes ~3 to"}},
		{Sub: geo.SubChangeToGroup, Priority: 73, Patterns: []string{
			"seized|confiscated|recovered|found|discovered|captured ~5 weapons|rifles|arms|ammunition|cache|caches|guns|firearms|explosives|drugs|stockpile"}},
		{Sub: geo.SubDisruptedWeapons, Priority: 90, Requires: aerialWeapons, Patterns: []string{
			"downed|downs|downing|intercepted|intercepts|intercepting|intercept|interception|neutralised|neutralized|foiled|thwarted|repelled|repels|repelling|repulsed",
			"shot|shoot|shoots|shooting|brought|bring ~3 down",
			"destroyed|destroys|destroying ~5 drone|drones|missile|missiles|rocket|rockets|uav|uavs|targets|shaheds|aircraft",
			"destroyed ~1 in ~1 air"}},
		{Sub: geo.SubRemoteExplosive, Priority: 85, Patterns: []string{
			"ied|ieds|landmine|landmines|roadside|improvised|vbied", "land ~1 mine|mines",
			"detonated|detonates|detonating ~4 bomb|bombs|explosive|explosives|device|devices|ied|mine|mines",
			"car|motorcycle|motorbike|truck|bicycle|parcel ~1 bomb|bombs",
			"explosive ~1 device|devices", "car ~1 bomb", "mine ~1 blast|explosion",
			"bomb|bombs|explosives ~5 exploded|detonated|went|blast|planted"}},
		{Sub: geo.SubAirDroneStrike, Priority: 80, Patterns: []string{
			"airstrike|airstrikes|air-strike|air-strikes|airstrikes", "air ~1 strike|strikes|raid|raids|attack|attacks",
			"drone ~1 strike|strikes|attack|attacks",
			"warplanes|jets|aircraft|helicopters|warplane|helicopter ~4 bombed|struck|hit|attacked|pounded|fired",
			"drone|drones|uav|uavs|shahed|shaheds ~4 struck|hit|attacked|damaged|damaging|slammed|crashed|exploded"}},
		{Sub: geo.SubShelling, Priority: 78, Patterns: []string{
			"shelling|shelled|artillery|mortar|mortars|bombardment|barrage|barrages|howitzer|howitzers",
			"rocket|missile ~1 fire|attack|attacks|strike|strikes|barrage",
			"fired|launched ~4 rockets|missiles|shells|mortars|rocket|missile",
			"rockets|missiles|missile|rocket|shells|bombs ~3 hit|struck|slammed|landed|exploded|fell|rained"}},
		{Sub: geo.SubAirDroneStrike, Priority: 70, Requires: airStrikeWeapons, Patterns: []string{
			"struck|strikes|hit|hits|damaged|damaging|destroyed|destroying|pounded|slammed"}},
		{Sub: geo.SubShelling, Priority: 69, Requires: groundFire, Patterns: []string{
			"struck|strikes|hit|hits|damaged|damaging|destroyed|destroying|pounded|slammed"}},
		{Sub: geo.SubAbduction, Priority: 75, Patterns: []string{
			"kidnapped|kidnapping|kidnappings|kidnap|kidnappers|abducted|abducting|abduction|abductions|abduct",
			"taken|took|seized|holding ~2 hostage|hostages|captive", "forcibly ~1 disappeared"}},
		{Sub: geo.SubSexualViolence, Priority: 74, Patterns: []string{
			"raped|rape|rapes|raping", "sexual ~1 violence|assault|assaults", "sexually ~1 assaulted|abused"}},
		{Sub: geo.SubGovRegainsTerritory, Priority: 72, Requires: territory, Patterns: []string{
			"recaptured|recapture|recaptures|retook|retake|retaken|retakes|regained|regain|regains|liberated|liberate|liberates|liberation|reclaimed|reclaim",
			"recovered|restored ~2 control"}},
		{Sub: geo.SubNonStateOvertakes, Priority: 71, Requires: territory, Patterns: []string{
			"captured|capture|captures|capturing|seized|seize|seizes|seizing|overran|overrun|overruns",
			"took|taken|take|takes|taking|gained|assumed|established ~2 control",
			"went|came|fell|passed|brought ~1 under ~3 control", "fell ~1 to"}},
		{Sub: geo.SubMobViolence, Priority: 68, Patterns: []string{
			"mob|mobs|lynched|lynching|lynch",
			"beat|beaten|beating|stoned|stoning|burned|burnt|hacked|clubbed ~6 to ~1 death"}},
		{Sub: geo.SubMobViolence, Priority: 68, Requires: mobWords, Patterns: []string{
			"set ~4 fire|ablaze", "torched|burned|burnt|attacked|beat|beaten|stoned"}},
		{Sub: geo.SubViolentDemonstration, Priority: 67, Patterns: []string{"riot|riots|rioting|rioters|rioted"}},
		{Sub: geo.SubViolentDemonstration, Priority: 66, Requires: protesters, Patterns: []string{
			"threw|hurled|pelted ~3 stones|rocks|bottles|petrol|molotov", "clashed ~3 police|security",
			"vandalised|vandalized|ransacked|torched|stormed|looted|looting|burned|burnt|smashed", "set ~3 fire|ablaze"}},
		{Sub: geo.SubPeacefulProtest, Priority: 65, Patterns: []string{
			"protest|protests|protested|protesting|protesters|protestors|protester|protestor|demonstration|demonstrations|demonstrators|demonstrator|demonstrated|rally|rallies|rallied|marched|marchers|marching|sit-in|sit-ins|picket|pickets|picketed|picketing|vigil",
			"took ~1 to ~1 streets"}},
		{Sub: geo.SubArmedClash, Priority: 60, Patterns: []string{
			"clash|clashes|clashed|fighting|fought|battle|battles|battled|firefight|firefights|gunfight|gunfights|gunbattle|skirmish|skirmishes|ambush|ambushed|ambushes|offensive|assault",
			"exchange|exchanged|exchanging|exchanges ~1 fire|gunfire", "gun ~1 battle|battles",
			"shootout|shootouts|shoot-out|shoot-outs|firefight|gunfight",
			"engaged ~3 fighters|militants|rebels|insurgents|forces|troops|jihadists|gunmen|positions",
			"repelled|repulsed|repelling",
			"attacked|attack|attacks|stormed|raided|targeted ~4 positions|position|base|bases|checkpoint|convoy|outpost|barracks|post|camp|patrol|station|police|policemen|soldiers|troops|army|military|officers|cantonment|garrison|servicemen|personnel|forces"}},
		{Sub: geo.SubArmedClash, Priority: 57, Patterns: []string{
			"killed|killing|kill|kills|neutralised|neutralized|eliminated ~3 militants|fighters|insurgents|rebels|jihadists|terrorists|combatants|bandits|attackers|gunmen|assailants|militiamen"}},
		{Sub: geo.SubArmedClash, Priority: 44, Patterns: []string{"raid|raids|incursion|incursions|operation"}},
		{Sub: geo.SubGrenade, Priority: 58, Patterns: []string{"grenade|grenades"}},
		{Sub: geo.SubAttack, Priority: 55, Requires: civilianTargets, Patterns: []string{
			"killed|killing|kills|kill|attacked|attack|attacks|attacking|shot|shooting|massacred|massacre|executed|stabbed|hacked|raided|stormed",
			"opened ~1 fire"}},
		{Sub: geo.SubLooting, Priority: 50, Patterns: []string{
			"looted|looting|looters|loot|plundered|pillaged|ransacked", "set ~3 fire|ablaze",
			"torched|burned|burnt|razed ~4 houses|homes|shops|market|property|vehicles|buildings|cars|crops|huts",
			"blew|blown ~2 up ~4 school|schools|bridge|bridges|tower|towers|building|buildings|house|houses|homes|mosque|church|pylon|pylons|clinic|office",
			"demolished|bulldozed ~4 houses|homes|school|buildings|property|shops|mosque|church",
			"rustled|rustling ~2 cattle|livestock|goats|camels"}},
		{Sub: geo.SubArrests, Priority: 45, Patterns: []string{
			"arrested|arresting|detained|detaining|detains|apprehended|nabbed", "rounded ~1 up",
			"taken ~1 into ~1 custody"}},
		{Sub: geo.SubAgreement, Priority: 40, Patterns: []string{
			"signed|sign|agreed|reached|brokered|announced|declared|accepted ~4 ceasefire|truce|agreement|deal|accord|armistice|pact",
			"ceasefire|truce ~3 took|takes|came ~2 effect", "ceasefire|truce ~2 agreed|signed|announced|declared"}},
		{Sub: geo.SubChangeToGroup, Priority: 44, Patterns: []string{
			"imposed|declared|announced|extended|lifted ~3 curfew|curfews|emergency",
			"suspended|banned|dissolved|outlawed|proscribed ~5 activities|parties|party|group|groups|organisation|organization|broadcasts|operations",
			"deployed|redeployed|dispatched|sent ~4 to|troops|forces|reinforcements|units|soldiers"}},
		{Sub: geo.SubChangeToGroup, Priority: 44, Requires: forceWords, Patterns: []string{
			"reinforcements ~3 arrived", "withdrew|withdrawn|retreated|pulled ~3 from|out|back"}},
		{Sub: geo.SubOther, Priority: 30, Patterns: []string{
			"mass ~1 grave|graves", "bodies ~3 found|discovered|uncovered|exhumed",
			"found|discovered|uncovered|exhumed ~5 bodies|grave|graves|remains"}},
		{Sub: geo.SubHeadquarters, Priority: 35, Patterns: []string{
			"established|set|opened|built|setting|establishing|establishes ~3 base|bases|headquarters|camp|camps|outpost|outposts"}},
	}
}

// Words that change what a matched cue means.
var (
	// excessiveForce and intervention refine a protest.
	excessiveForce = setOf("killed", "killing", "shot", "live", "opened", "dead")
	intervention   = setOf("dispersed", "disperse", "dispersing", "tear", "teargas", "cannon",
		"cannons", "rubber", "arrested", "detained", "batons", "baton", "beat", "crackdown", "cracked", "broke")
)
