/**
 * Common given names in the regions where humanitarian offices work (East, West and Central Africa,
 * the Middle East, South and Central Asia, Latin America, Europe). A value holding one of them is
 * likely a person's name; the list is a hint that raises confidence, never the only evidence.
 */
export const GIVEN_NAMES = `
aaron abbas abdallah abdel abdi abdiaziz abdirahman abdoulaye abdul abdullah abdullahi abebe abel
abraham abu adam adama adamu adel adriana agnes ahmad ahmed aicha aisha aissatou akinyi alain alejandra
alejandro alex alexander alexandre ali alice alima alina alpha amadou amal amani amina aminata amir amna
ana anastasia andrea andrei andres andrew andriy angela angelica anil anita ann anna anne anthony antoine
antonio anwar aryan asha ashraf asma atieno awa ayesha ayman aziz baba bakari barbara bashir beatrice
belen benjamin bernard bilal binta blessing boubacar brahim bruno camila camille carla carlos carmen
caroline catherine cecilia celine charles cheikh chinedu chloe christian christine claire claudia
cristina daniel daniela david deborah diana diego dmitri dolores eduardo elena elias elizabeth emeka
emily emma emmanuel eric esther eva fadi faith farah farid fatima fatma fatou fatoumata fatuma felipe
fernando florence francisco francois gabriel gabriela george gloria grace guillermo gul habib hadiza
halima hamid hamza hana hassan hawa hector helen helene hiba hibo hoda huda hussein ibrahim ibrahima
idris ines irina iryna isaac isabel isabella isabelle ismail issa jacob jacques jamal james jane javier
jean jennifer jesus joao john jorge jose joseph josephine joyce juan julia julien juma karim kateryna
kevin khadija khalid khaled kofi kwame lamine laura layla leila lina linda lucia lucy luis luisa luz
mahmoud maimuna mamadou manuel margaret maria mariam mariama marie marta martha martin mary maryam
masud mathieu mercy michael michel miguel mohamed mohammad mohammed moses moussa muhammad musa mustafa
nabil nadia nasra natalia nathalie nicolas nikolai noor nour nuru obinna olena oleksandr olga omar
oumar ousmane pablo patricia patrick paul paula pedro peter philippe pierre priya rachel rafael rahim
rahma rania rashid ravi rebecca reem ricardo robert rosa rose ruth sabrina sadia said salim salma sami
samir samuel sandra sara sarah seydou sergio serhiy shamsa simon sofia sophie stephen sultan susan
tariq tatiana teresa tetiana thomas ulrich valentina vanessa victor victoria wanjiru william yasmin
yolanda youssef yulia yusuf zahra zainab zeinab
`
  .trim()
  .split(/\s+/);
