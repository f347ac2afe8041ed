/**
 * Given and family names per language area. People are drawn from these lists in random
 * combinations, so every demo person is fictional; the pools only make an office's staff list
 * look like that office's region (and HQ look international).
 */
export const NAME_POOLS = {
  en: pool(
    'James, Mary, Grace, Daniel, Sarah, Michael, Emily, Thomas, Olivia, David, Hannah, Samuel, Chloe, Benjamin, Rachel, Joseph, Laura, Peter, Helen, Andrew, Kate, Oliver, Alice, George, Ruth',
    'Smith, Johnson, Brown, Taylor, Wilson, Davies, Evans, Walker, Wright, Thompson, Robinson, Hughes, Clarke, Turner, Mitchell, Campbell, Stewart, Bennett, Hall, Carter, Morgan, Parker, Fraser, Gordon, Lloyd',
  ),
  fr: pool(
    'Amélie, Camille, Chloé, Élodie, Hélène, Léa, Manon, Margaux, Noémie, Zoé, Antoine, Baptiste, François, Guillaume, Hugo, Jérôme, Julien, Mathieu, Nicolas, Théo, Clément, Lucie, Sébastien, Aurélie, Émile',
    'Martin, Bernard, Dubois, Durand, Lefèvre, Moreau, Laurent, Simon, Michel, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Mercier, Chevalier, Lemoine, Fontaine, Girard, Bonnet, Dupont, Lambert',
  ),
  fr_africa: pool(
    'Aminata, Fatoumata, Awa, Mariam, Aïssatou, Kadiatou, Ramatoulaye, Adama, Moussa, Ibrahima, Mamadou, Ousmane, Souleymane, Cheikh, Abdoulaye, Seydou, Bintou, Koffi, Yao, Akissi, Kouadio, Adjoua, Modeste, Prosper, Serge',
    'Diallo, Traoré, Koné, Diop, Ndiaye, Sow, Camara, Keïta, Coulibaly, Ouédraogo, Sanogo, Touré, Cissé, Bamba, Kouassi, Konaté, Sylla, Fofana, Barry, Mbaye, Kaboré, Zongo, Nkoulou, Mbarga, Tshibanda',
  ),
  en_africa: pool(
    'Chinedu, Ngozi, Adaeze, Emeka, Oluwaseun, Funmilayo, Kwame, Ama, Kofi, Abena, Thabo, Lerato, Sipho, Nomvula, Tendai, Chipo, Tawanda, Kagiso, Naledi, Bongani, Mpho, Kudzai, Themba, Zanele, Tumelo',
    'Okafor, Adeyemi, Okonkwo, Mensah, Owusu, Boateng, Nkosi, Dlamini, Mokoena, Mahlangu, Moyo, Ncube, Banda, Phiri, Mwale, Sithole, Chikwanha, Molefe, Ndlovu, Mutasa, Kamara, Sesay, Conteh, Tembo, Zulu',
  ),
  sw: pool(
    'Amani, Baraka, Neema, Zawadi, Imani, Juma, Halima, Rehema, Wanjiru, Akinyi, Otieno, Kamau, Njeri, Wairimu, Mwangi, Achieng, Kiprono, Chebet, Mosi, Pendo, Saidi, Asha, Furaha, Tumaini, Habiba, Selam, Dawit',
    'Ochieng, Kariuki, Njoroge, Wanjala, Odhiambo, Kiptoo, Mutua, Nyambura, Omondi, Kilonzo, Mushi, Massawe, Mrema, Haile, Tesfaye, Bekele, Abebe, Girma, Mulugeta, Warsame, Abdi, Nduwimana, Uwimana, Okello, Lokeris',
  ),
  ar: pool(
    'Ahmed, Mohamed, Omar, Youssef, Karim, Khaled, Tarek, Samir, Nabil, Rami, Hassan, Ali, Mariam, Fatima, Layla, Nour, Yasmine, Salma, Rania, Hala, Dina, Amira, Leila, Samira, Zeinab',
    'El-Amrani, Haddad, Khalil, Nasser, Mansour, Saleh, Bouzid, Benali, Aziz, Farouk, Hamdan, Qasim, Darwish, Rahman, Sabbagh, Toumi, Chaabane, Kassem, Abboud, Jaber, Bakr, Zayed, Othman, Al-Masri, Ben Youssef',
  ),
  es: pool(
    'Alejandro, Carlos, Diego, Fernando, Javier, José, Luis, Mateo, Pablo, Santiago, Andrés, Sebastián, Ana, Camila, Carmen, Daniela, Gabriela, Isabel, Lucía, María, Paula, Sofía, Valentina, Ximena, Mariana',
    'García, Rodríguez, Martínez, López, González, Hernández, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez, Díaz, Morales, Castillo, Jiménez, Vargas, Rojas, Castro, Ortiz, Núñez, Guzmán, Mendoza, Herrera',
  ),
  pt: pool(
    'João, Pedro, Tiago, Rafael, Gustavo, Lucas, Bruno, Felipe, Rodrigo, Thiago, Beatriz, Mariana, Larissa, Fernanda, Juliana, Luana, Inês, Rita, Joana, Catarina, Leonor, Vitória, Gabriel, Henrique, Caio',
    'Silva, Santos, Oliveira, Souza, Costa, Pereira, Carvalho, Almeida, Ferreira, Ribeiro, Gomes, Martins, Rocha, Barbosa, Araújo, Cardoso, Teixeira, Moreira, Correia, Mendes, Lopes, Nunes, Cunha, Macedo, Tavares',
  ),
  eu: pool(
    'Lukas, Anna, Jonas, Sofia, Matteo, Giulia, Lars, Ingrid, Sven, Freya, Jan, Katarzyna, Piotr, Marta, Niamh, Eoin, Pieter, Sanne, Kai, Elin, Mikkel, Alessandro, Chiara, Eva, Tomas',
    "Müller, Schmidt, Fischer, Weber, Rossi, Bianchi, Ferrari, Esposito, Jansen, de Vries, Bakker, Andersson, Johansson, Nielsen, Hansen, Kowalski, Nowak, Wiśniewski, Novák, Horváth, Nagy, Virtanen, Korhonen, O'Brien, Murphy",
  ),
  see: pool(
    'Aleksandr, Dmitri, Andrei, Mikhail, Oleksandr, Taras, Giorgi, Levan, Arman, Timur, Marko, Ardit, Emre, Mehmet, Elena, Olga, Natalia, Irina, Oksana, Nino, Aigerim, Dilnoza, Jelena, Elif, Zeynep, Ayşe',
    'Kovalenko, Shevchenko, Bondarenko, Melnyk, Tkachenko, Lysenko, Kravchuk, Beridze, Kapanadze, Gelashvili, Lomidze, Petrosyan, Sargsyan, Hovhannisyan, Grigoryan, Hadžić, Jovanović, Petrović, Nikolić, Marković, Hoxha, Krasniqi, Yılmaz, Demir, Öztürk',
  ),
  south_asia: pool(
    'Aarav, Arjun, Rohan, Vikram, Rahul, Anil, Sanjay, Priya, Ananya, Kavya, Deepa, Meera, Sunita, Farhan, Imran, Ayesha, Sana, Nadia, Tanvir, Rashid, Nimal, Kumari, Prakash, Sita, Tenzin, Parisa, Dariush',
    'Sharma, Patel, Gupta, Singh, Iyer, Reddy, Nair, Das, Banerjee, Chowdhury, Hossain, Khan, Qureshi, Siddiqui, Malik, Perera, Fernando, Jayasinghe, Shrestha, Thapa, Gurung, Karimi, Ahmadi, Hosseini, Wangchuk',
  ),
  east_asia: pool(
    'Minh, Anh, Linh, Huong, Tuan, Somchai, Siriporn, Niran, Malai, Budi, Siti, Dewi, Agus, Putri, Rizal, Hiroshi, Yuki, Haruto, Sakura, Ji-woo, Min-jun, Seo-yeon, Wei, Mei, Bolor, Thida',
    'Nguyen, Tran, Le, Pham, Vu, Wongsa, Srisuk, Santoso, Wijaya, Hidayat, Pratama, Reyes, Santos, Cruz, Bautista, Tanaka, Sato, Suzuki, Kim, Park, Chen, Wang, Liu, Batbayar, Aung',
  ),
  pacific: pool(
    'Sione, Losa, Tevita, Mele, Sefo, Malakai, Salote, Iosefa, Lagi, Ana, Vili, Mere, Tomasi, Litia, Jone, Kalani, Noa, Rosa, Peni, Elenoa',
    'Tupou, Fifita, Taufa, Faleolo, Leota, Tuilagi, Waqa, Vunipola, Kioa, Latu, Naufahu, Soliai, Tabua, Rabuka, Nakamura, Kabua, Remengesau, Teaiwa, Tong, Iro',
  ),
} as const satisfies Record<string, NamePoolLists>;

export type NamePool = keyof typeof NAME_POOLS;

interface NamePoolLists {
  given: readonly string[];
  family: readonly string[];
}

function pool(given: string, family: string): NamePoolLists {
  const split = (list: string) => list.split(',').map((name) => name.trim());
  return { given: split(given), family: split(family) };
}
